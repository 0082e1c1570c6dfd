using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static partial class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";

    /// <summary>The tag of every check that must pass before the service takes traffic (the components' own checks).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Maps <c>/health</c> (readiness: the checks tagged <see cref="ReadyTag"/>) and <c>/alive</c> (liveness: the checks
    /// tagged <see cref="LiveTag"/>, i.e. the process answers).
    /// Unlike the Aspire template they are mapped in every environment, because the AppHost's health checks and
    /// <c>WaitFor</c> rely on them wherever it runs. The response is the plain status word only
    /// ("Healthy", "Degraded", "Unhealthy"); check names, descriptions and exceptions never leave the process.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
        });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });

        return app;
    }

    internal static bool IsHealthEndpoint(string? path) =>
        path is not null
        && (path.StartsWith(HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase));
}
