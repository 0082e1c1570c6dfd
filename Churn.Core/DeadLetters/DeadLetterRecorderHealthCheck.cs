using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.DeadLetters;

/// <summary>Health of the dead-letter recorder's consume loop (see <see cref="DeadLetterRecorderStatus"/>).</summary>
public sealed class DeadLetterRecorderHealthCheck(DeadLetterRecorderStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Check());
}
