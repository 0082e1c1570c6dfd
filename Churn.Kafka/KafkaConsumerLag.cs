using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Churn.Core.Transport;

namespace Churn.Kafka;

/// <summary>
/// Consumer lag per partition from librdkafka's statistics JSON (<c>consumer_lag_stored</c>: high watermark minus
/// the stored offset, i.e. how far durable writes are behind; before anything is stored, high watermark minus the
/// committed offset or the low watermark), published as the observable gauge
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
                    if (id >= 0 && LagOf(partition.Value) is { } lag)
                    {
                        lags.Add(new PartitionLag(topic.Name, id, lag));
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

    /// <summary>
    /// The partition's lag: high watermark − stored offset; before this member stored any, high watermark − the group's
    /// committed offset; before the group ever committed there, high watermark − low watermark (everything retained is
    /// unread). Null for a partition this member does not own, or whose watermarks are not known yet.
    /// </summary>
    private static long? LagOf(JsonElement partition)
    {
        long Field(string name) => partition.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64() : -1;
        if (partition.TryGetProperty("desired", out var desired) && desired.ValueKind == JsonValueKind.False)
        {
            return null;
        }
        if (Field("consumer_lag_stored") is >= 0 and var stored)
        {
            return stored;
        }
        var high = Field("hi_offset");
        if (high < 0)
        {
            return null;
        }
        var from = Field("committed_offset") is >= 0 and var committed ? committed : Field("lo_offset");
        return from >= 0 ? Math.Max(0, high - from) : null;
    }

    private IEnumerable<Measurement<long>> Observe() =>
        current.Select(l => new Measurement<long>(l.Lag,
            new KeyValuePair<string, object?>(MessagingTags.DestinationName, l.Topic),
            new KeyValuePair<string, object?>(MessagingTags.PartitionId, l.Partition.ToString(CultureInfo.InvariantCulture))));

    public readonly record struct PartitionLag(string Topic, int Partition, long Lag);
}
