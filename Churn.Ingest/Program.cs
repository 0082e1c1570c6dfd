using Churn.Ingest.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices(args);

var app = builder.Build();

app.Run();
