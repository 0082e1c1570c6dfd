using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Serving;

/// <summary>Ready when a validated model is serving; unhealthy (with the directory) before the first one loads.</summary>
public sealed class ModelHealthCheck(ModelProvider models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } model
            ? HealthCheckResult.Healthy($"model {model.Card.Version} is serving")
            : HealthCheckResult.Unhealthy($"no valid model in {models.Directory} yet"));
}
