namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Tells every service which implementation serves each port (Churn:Transport, Churn:Store; read by the services'
/// <c>PipelinePorts</c>), so the mode is decided here once and never guessed by a service.
/// </summary>
public static class PipelinePortsExtensions
{
    public const string TransportVariable = "Churn__Transport";
    public const string StoreVariable = "Churn__Store";

    public static IResourceBuilder<ProjectResource> WithPipelinePorts(
        this IResourceBuilder<ProjectResource> project, InfrastructureResources? infrastructure) =>
        project
            .WithEnvironment(TransportVariable, infrastructure is null ? "embedded" : "kafka")
            .WithEnvironment(StoreVariable, infrastructure is null ? "sqlite" : "mongodb");
}
