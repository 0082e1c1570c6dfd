using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Services;

/// <summary>Fixed host ports of the Web UI and the Api, so bookmarks and scripts keep working across runs.</summary>
public sealed record ServicePorts(int Web, int Api)
{
    public const int DefaultWeb = 5100;
    public const int DefaultApi = 5101;

    public static ServicePorts From(IConfiguration configuration) => new(
        Web: configuration.GetValue("Churn:WebPort", DefaultWeb),
        Api: configuration.GetValue("Churn:ApiPort", DefaultApi));
}

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
