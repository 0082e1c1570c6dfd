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
