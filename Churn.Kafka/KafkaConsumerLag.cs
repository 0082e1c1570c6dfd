using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Churn.Core.Transport;

namespace Churn.Kafka;

/// <summary>
/// Consumer lag per partition from librdkafka's statistics JSON (<c>consumer_lag_stored</c>: high watermark minus
/// the stored offset, i.e. how far durable writes are behind), published as the observable gauge
/// <see cref="KafkaTelemetry.ConsumerLagName"/>.
/// </summary>
public sealed class KafkaConsumerLag
{
    private volatile IReadOnlyList<PartitionLag> current = [];

    public KafkaConsumerLag(IMeterFactory meterFactory) =>
        meterFactory.Create(KafkaTelemetry.Name).CreateObservableGauge(KafkaTelemetry.ConsumerLagName, Observe,
            "{message}", "Messages not yet stored (processed) by the consumer, per partition.");

    public IReadOnlyList<PartitionLag> Current => current;

    /// <summary>Statistics handler: replaces the lag snapshot; a malformed document is ignored.</summary>
    public void Update(string statisticsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(statisticsJson);
            if (!document.RootElement.TryGetProperty("topics", out var topics))
            {
                return;
            }
            var lags = new List<PartitionLag>();
            foreach (var topic in topics.EnumerateObject())
            {
                if (!topic.Value.TryGetProperty("partitions", out var partitions))
                {
                    continue;
                }
                foreach (var partition in partitions.EnumerateObject())
                {
                    var id = int.Parse(partition.Name, CultureInfo.InvariantCulture);
                    if (id >= 0 && partition.Value.TryGetProperty("consumer_lag_stored", out var lag) && lag.GetInt64() >= 0)
                    {
                        lags.Add(new PartitionLag(topic.Name, id, lag.GetInt64()));
                    }
                }
            }
            current = lags;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // Statistics are advisory; keep the previous snapshot.
        }
    }

    private IEnumerable<Measurement<long>> Observe() =>
        current.Select(l => new Measurement<long>(l.Lag,
            new KeyValuePair<string, object?>(MessagingTags.DestinationName, l.Topic),
            new KeyValuePair<string, object?>(MessagingTags.PartitionId, l.Partition.ToString(CultureInfo.InvariantCulture))));

    public readonly record struct PartitionLag(string Topic, int Partition, long Lag);
}
