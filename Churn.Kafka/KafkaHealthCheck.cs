using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Kafka;

/// <summary>
/// Healthy when a metadata request (through an admin client sharing the registered client's connection) lists at
/// least one broker within <paramref name="timeout"/>. It never produces a message.
/// </summary>
public sealed class KafkaHealthCheck(Func<IAdminClient> createAdminClient, TimeSpan timeout) : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> admin = new(createAdminClient);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            try
            {
                var metadata = admin.Value.GetMetadata(timeout);
                return metadata.Brokers.Count > 0
                    ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) answered a metadata request.")
                    : HealthCheckResult.Unhealthy("The metadata response listed no brokers.");
            }
            catch (KafkaException e)
            {
                return HealthCheckResult.Unhealthy($"Metadata request failed within {timeout}: {e.Error.Reason}", e);
            }
        }, cancellationToken);

    public void Dispose()
    {
        if (admin.IsValueCreated)
        {
            admin.Value.Dispose();
        }
    }
}
