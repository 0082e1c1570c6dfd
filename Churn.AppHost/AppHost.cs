using Churn.AppHost.Infrastructure;
using Churn.AppHost.Services;

var builder = DistributedApplication.CreateBuilder(args);

var directories = SharedDirectories.From(builder);
var data = DataPreflight.Check(directories);
if (!data.Proceeds(Console.Error))
{
    return DataPreflight.RefusedExitCode;
}
builder.LogDataAtStart(data);

var mode = ModeSelector.Select(builder.Configuration, () => ContainerRuntimeProbe.Probe(builder.Configuration));
builder.LogModeAtStart(mode);

var infrastructure = builder.AddInfrastructure(mode.Mode);
var ports = ServicePorts.From(builder.Configuration);
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var retrain = builder.AddProject<Projects.Churn_Trainer>("retrain")
    .WithTrainerArguments(directories, onlyIfMissing: false)
    .WithSharedDirectories(directories)
    .WithExplicitStart();

var trainer = builder.AddProject<Projects.Churn_Trainer>("trainer")
    .WithTrainerArguments(directories, onlyIfMissing: true)
    .WithSharedDirectories(directories)
    .WithRetrainCommand(retrain);

if (infrastructure is not null)
{
    builder.AddProject<Projects.Churn_Ingest>("ingest")
        .WithSharedDirectories(directories)
        .WithPipelinePorts(infrastructure)
        .WithIngestSource(data)
        .WithConnection(infrastructure.Kafka)
        .WithTelemetryHeadroom()
        .WithHttpHealthCheck("/health")
        .WaitForCompletion(trainer);

    builder.AddProject<Projects.Churn_Scoring>("scoring")
        .WithReplicas(ScoringReplicas.From(builder.Configuration))
        .WithSharedDirectories(directories)
        .WithSqliteStore(directories, infrastructure)
        .WithPipelinePorts(infrastructure)
        .WithConnection(infrastructure.Kafka)
        .WithConnection(infrastructure.MongoDb)
        .WithTelemetryHeadroom()
        .WithHttpHealthCheck("/health")
        .WaitForCompletion(trainer);
}

var api = builder.AddProject<Projects.Churn_Api>("api")
    .WithHttpPort(ports.Api)
    .WithSharedDirectories(directories)
    .WithSqliteStore(directories, infrastructure)
    .WithPipelinePorts(infrastructure)
    .WithIngestSource(data)
    .WithConnection(infrastructure?.Kafka)
    .WithConnection(infrastructure?.MongoDb)
    .WithApiKey(apiKey)
    .WithTelemetryHeadroom()
    .WithHttpHealthCheck("/health")
    .WaitForCompletion(trainer)
    .WithAdminCommands(apiKey);

builder.AddProject<Projects.Churn_Web>("web")
    .WithHttpPort(ports.Web)
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
return 0;
