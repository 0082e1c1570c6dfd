using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Worker;

/// <summary>Health of the scoring worker's consume loop (see <see cref="ScoringWorkerStatus"/>).</summary>
public sealed class ScoringWorkerHealthCheck(ScoringWorkerStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Check());
}
