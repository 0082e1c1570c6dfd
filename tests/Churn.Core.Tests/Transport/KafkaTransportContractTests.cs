using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Kafka;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport;

/// <summary>
/// The contract over the Kafka wire protocol, with the real Confluent clients: librdkafka's mock cluster on every run,
/// or the cluster at KAFKA_BOOTSTRAP_SERVERS.
/// </summary>
public sealed class KafkaTransportContractTests(KafkaCluster cluster) : EventTransportContract
{
    private static readonly IMeterFactory Meters =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    protected override TimeSpan FirstMessageTimeout => TimeSpan.FromSeconds(60);
    protected override TimeSpan QuietPeriod => TimeSpan.FromSeconds(3);

    protected override string NewTopic() => cluster.NewTopic("churn.contract");

    protected override IEventPublisher CreatePublisher() =>
        new KafkaEventPublisher(
            KafkaClientFactory.BuildProducer(KafkaClientDefaults.Apply(cluster.ProducerConfig(), statistics: false),
                NullLoggerFactory.Instance),
            new TransportMetrics(Meters, KafkaTelemetry.Name),
            NullLogger<KafkaEventPublisher>.Instance);

    protected override IEventConsumer CreateConsumer(string groupId)
    {
        var config = cluster.ConsumerConfig(groupId);
        config.AutoCommitIntervalMs = 200;
        return KafkaClientFactory.BuildConsumer(KafkaClientDefaults.Apply(config, statistics: false),
            NullLoggerFactory.Instance, lag: null);
    }
}
