namespace Churn.AppHost.Services;

public static class ServicePortsExtensions
{
    /// <summary>Pins the host port of the project's "http" endpoint (created if its launch profile has none); 0 lets Aspire pick one.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpPort(this IResourceBuilder<ProjectResource> project, int port) =>
        project.WithEndpoint("http", endpoint =>
        {
            endpoint.UriScheme = "http";
            endpoint.Port = port > 0 ? port : null; // 0: any free port (tests running beside a developer's AppHost)
        });
}
