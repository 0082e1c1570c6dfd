using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// The product's Kafka adapters built the way the hosts build them (<see cref="KafkaClientFactory"/> with
/// <see cref="KafkaClientDefaults"/>) on the <see cref="KafkaCluster"/> fixture, and a raw producer for bytes the
/// adapters would never write.
/// </summary>
internal static class KafkaWire
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly IMeterFactory Meters =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static KafkaEventPublisher Publisher(KafkaCluster cluster, int? queueBufferingMaxMessages = null)
    {
        var config = cluster.ProducerConfig();
        config.QueueBufferingMaxMessages = queueBufferingMaxMessages;
        return new KafkaEventPublisher(
            KafkaClientFactory.BuildProducer(KafkaClientDefaults.Apply(config, statistics: false), NullLoggerFactory.Instance),
            new TransportMetrics(Meters, KafkaTelemetry.Name), NullLogger<KafkaEventPublisher>.Instance);
    }

    public static KafkaEventConsumer Consumer(KafkaCluster cluster, string groupId, int? sessionTimeoutMs = null,
        ILoggerFactory? loggerFactory = null)
    {
        var config = cluster.ConsumerConfig(groupId);
        config.SessionTimeoutMs = sessionTimeoutMs ?? config.SessionTimeoutMs;
        return KafkaClientFactory.BuildConsumer(KafkaClientDefaults.Apply(config, statistics: false),
            loggerFactory ?? NullLoggerFactory.Instance, lag: null);
    }

    public static IProducer<byte[], byte[]> RawProducer(KafkaCluster cluster) =>
        new ProducerBuilder<byte[], byte[]>(cluster.ProducerConfig()).SetLogHandler((_, _) => { }).Build();

    /// <summary>Consumes until <paramref name="count"/> events arrived; fails with what did arrive after <see cref="Deadline"/>.</summary>
    public static List<ConsumedEvent> ConsumeUntil(IEventConsumer consumer, int count)
    {
        var consumed = new List<ConsumedEvent>();
        var deadline = DateTime.UtcNow + Deadline;
        while (consumed.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } next)
            {
                consumed.Add(next);
            }
        }
        Assert.True(consumed.Count == count, $"Expected {count} events within {Deadline}, got {consumed.Count}.");
        return consumed;
    }
}
