using Churn.Ingest.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices(args);

var app = builder.Build();
var job = app.IngestJob();

app.MapDefaultEndpoints();

app.Run();

return job.ExitCode();
