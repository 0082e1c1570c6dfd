using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.AppHost.HealthChecks;

/// <summary>Healthy when the broker answers a metadata request; produces no message and needs no topic.</summary>
public sealed class KafkaMetadataHealthCheck(ReferenceExpression bootstrapServers) : IHealthCheck
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = await bootstrapServers.GetValueAsync(cancellationToken);
        var config = new AdminClientConfig
        {
            BootstrapServers = servers,
            SocketTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
        };

        try
        {
            // librdkafka logs every refused connection while the broker boots; the check's result says enough.
            using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
            var metadata = await Task.Run(() => admin.GetMetadata(RequestTimeout), cancellationToken);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) answered at {servers}.")
                : HealthCheckResult.Unhealthy($"The metadata from {servers} lists no broker.");
        }
        catch (KafkaException exception)
        {
            return HealthCheckResult.Unhealthy($"No metadata from {servers}: {exception.Error.Reason}", exception);
        }
    }
}
