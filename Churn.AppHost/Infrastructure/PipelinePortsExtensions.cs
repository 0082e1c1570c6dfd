namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Tells every service which implementation serves each port (Churn:Transport, Churn:Store; read by the services'
/// <c>PipelinePorts</c>), so the mode is decided here once and never guessed by a service.
/// </summary>
public static class PipelinePortsExtensions
{
    public const string TransportVariable = "Churn__Transport";
    public const string StoreVariable = "Churn__Store";

    /// <summary>Kafka whenever the AppHost has one, else the in-process log.</summary>
    public static string Transport(this InfrastructureResources? infrastructure) => infrastructure is null ? "embedded" : "kafka";

    /// <summary>MongoDB when configured, else the SQLite file under data/.</summary>
    public static string Store(this InfrastructureResources? infrastructure) => infrastructure?.MongoDb is null ? "sqlite" : "mongodb";

    public static IResourceBuilder<ProjectResource> WithPipelinePorts(
        this IResourceBuilder<ProjectResource> project, InfrastructureResources? infrastructure) =>
        project
            .WithEnvironment(TransportVariable, infrastructure.Transport())
            .WithEnvironment(StoreVariable, infrastructure.Store());
}
