using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Testing.Faults;

/// <summary>Kafka over the wire (librdkafka's mock cluster, or KAFKA_BOOTSTRAP_SERVERS), with this test's own topics.</summary>
public sealed class KafkaTestTransport(KafkaCluster cluster) : ITestTransport
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public string Name => "kafka";

    public PipelineTopicsOptions Topics { get; } = new()
    {
        Customers = cluster.NewTopic("churn.faults"), DeadLetters = cluster.NewTopic("churn.faults.dlq"),
    };

    public IEventPublisher CreatePublisher() => new KafkaEventPublisher(
        KafkaClientFactory.BuildProducer(KafkaClientDefaults.Apply(cluster.ProducerConfig(), statistics: false), NullLoggerFactory.Instance),
        new TransportMetrics(_services.GetRequiredService<IMeterFactory>(), KafkaTelemetry.Name), NullLogger<KafkaEventPublisher>.Instance);

    public IEventConsumer CreateConsumer(string groupId)
    {
        var config = cluster.ConsumerConfig(groupId);
        config.AutoCommitIntervalMs = 500;
        return KafkaClientFactory.BuildConsumer(KafkaClientDefaults.Apply(config, statistics: false), NullLoggerFactory.Instance, lag: null);
    }

    public void Dispose() => _services.Dispose();
}
