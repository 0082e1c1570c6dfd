using Confluent.Kafka;

namespace Churn.Kafka;

/// <summary>
/// The reliability defaults every Churn Kafka client gets (docs/transport.md). Tunables are defaults the
/// configuration may override; the consumer's offset handling is forced, because the adapter depends on it.
/// </summary>
public static class KafkaClientDefaults
{
    public static ProducerConfig Apply(ProducerConfig config, bool statistics)
    {
        config.EnableIdempotence ??= true;
        config.Acks ??= Acks.All;
        config.CompressionType ??= CompressionType.Lz4;
        config.LingerMs ??= 20;
        if (statistics)
        {
            config.StatisticsIntervalMs ??= 5000;
        }
        return config;
    }

    public static ConsumerConfig Apply(ConsumerConfig config, bool statistics)
    {
        config.EnableAutoOffsetStore = false;   // offsets are stored only after the durable write
        config.EnableAutoCommit = true;         // …and committed in the background, and on Close
        config.EnablePartitionEof = false;      // StoreOffset on an EOF result throws since 2.15
        config.AutoOffsetReset ??= AutoOffsetReset.Earliest;
        config.PartitionAssignmentStrategy ??= PartitionAssignmentStrategy.CooperativeSticky;
        // The scoring worker does not poll while it retries a store outage (offsets must not move), so the poll
        // interval bounds the outage a member rides out before the group evicts it and another member replays the
        // batch (safe: writes are idempotent). 15 minutes instead of librdkafka's 5.
        config.MaxPollIntervalMs ??= 900_000;
        if (statistics)
        {
            config.StatisticsIntervalMs ??= 5000;   // consumer_lag_stored → the lag gauge
        }
        return config;
    }
}
