using Churn.Ingest.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices(args);

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

return app.IngestExitCode();
