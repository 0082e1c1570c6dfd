using Churn.Api.Apis;
using Churn.Api.Documentation;
using Churn.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApiMiddleware();
app.MapDefaultEndpoints();
app.MapApiDocumentation();

app.MapPredictionsApi();
app.MapCustomersApi();
app.MapStatsApi();
app.MapModelsApi();
app.MapChallengerApi();
app.MapWhatIfApi();
app.MapAdminApi();
app.MapDeadLettersApi();
app.MapMonitoringApi();

app.Run();

public partial class Program;
