using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.AppHost.HealthChecks;

public static class ReadinessCheckExtensions
{
    /// <summary>
    /// Registers an AppHost-side health check named "{resource}-ready" and attaches it to the resource, so that
    /// <c>WaitFor(resource)</c> waits until the server answers, not merely until its container runs.
    /// </summary>
    public static IResourceBuilder<T> WithReadinessCheck<T>(this IResourceBuilder<T> resource, IHealthCheck check)
        where T : IResource
    {
        var name = $"{resource.Resource.Name}-ready";
        resource.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(name, _ => check, failureStatus: HealthStatus.Unhealthy, tags: null));

        return resource.WithHealthCheck(name);
    }
}
