using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport;

/// <summary>
/// The contract over the Kafka wire protocol, with the real Confluent clients: librdkafka's mock cluster on every run,
/// or the cluster at KAFKA_BOOTSTRAP_SERVERS. The full transport is librdkafka's own local queue (one message) with no
/// broker to drain it: the mock cluster always takes what it is sent, so it cannot stay full.
/// </summary>
public sealed class KafkaTransportContractTests(KafkaCluster cluster) : EventTransportContract
{
    private static readonly IMeterFactory Meters =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    protected override TimeSpan FirstMessageTimeout => TimeSpan.FromSeconds(60);
    protected override TimeSpan QuietPeriod => TimeSpan.FromSeconds(3);

    protected override string NewTopic() => cluster.NewTopic("churn.contract");

    protected override IEventPublisher CreatePublisher() => Publisher(cluster.ProducerConfig());

    protected override IEventConsumer CreateConsumer(string groupId)
    {
        var config = cluster.ConsumerConfig(groupId);
        config.AutoCommitIntervalMs = 200;
        return KafkaClientFactory.BuildConsumer(KafkaClientDefaults.Apply(config, statistics: false),
            NullLoggerFactory.Instance, lag: null);
    }

    /// <summary>A producer whose queue holds one message, pointed at a port where no broker listens.</summary>
    protected override (IEventPublisher Publisher, string Topic) CreateFullTransport()
    {
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:1", QueueBufferingMaxMessages = 1 };
        var publisher = Publisher(config, disposeFlushTimeout: TimeSpan.FromMilliseconds(100));
        var topic = $"churn.contract.full.{Guid.NewGuid():N}";
        publisher.Publish(topic, Event(FullKey, 0), _ => { });
        return (publisher, topic);
    }

    protected override bool IsWaitingForRoom(IEventPublisher publisher, string topic) =>
        ((KafkaEventPublisher)publisher).QueueFullRetries > 0;

    private static KafkaEventPublisher Publisher(ProducerConfig config, TimeSpan? disposeFlushTimeout = null) =>
        new(KafkaClientFactory.BuildProducer(KafkaClientDefaults.Apply(config, statistics: false), NullLoggerFactory.Instance),
            new TransportMetrics(Meters, KafkaTelemetry.Name), NullLogger<KafkaEventPublisher>.Instance)
        {
            DisposeFlushTimeout = disposeFlushTimeout ?? TimeSpan.FromSeconds(30),
        };
}
