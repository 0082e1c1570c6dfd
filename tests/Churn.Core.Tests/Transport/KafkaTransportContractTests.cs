using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Kafka;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport;

/// <summary>The contract against a real broker: runs only when KAFKA_BOOTSTRAP_SERVERS is set.</summary>
public sealed class KafkaTransportContractTests : EventTransportContract
{
    private static readonly IMeterFactory Meters =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static readonly string? BootstrapServers = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS");

    protected override TimeSpan FirstMessageTimeout => TimeSpan.FromSeconds(60);
    protected override TimeSpan QuietPeriod => TimeSpan.FromSeconds(3);

    protected override void RequireTransport() =>
        Assert.SkipWhen(string.IsNullOrWhiteSpace(BootstrapServers), "KAFKA_BOOTSTRAP_SERVERS is not set");

    protected override string NewTopic()
    {
        var topic = $"churn.contract.{Guid.NewGuid():N}";
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 4, ReplicationFactor = 1 }])
            .GetAwaiter().GetResult();
        return topic;
    }

    protected override IEventPublisher CreatePublisher() =>
        new KafkaEventPublisher(
            KafkaClientFactory.BuildProducer(KafkaClientDefaults.Apply(new ProducerConfig { BootstrapServers = BootstrapServers }, statistics: false),
                NullLoggerFactory.Instance),
            new TransportMetrics(Meters, KafkaTelemetry.Name),
            NullLogger<KafkaEventPublisher>.Instance);

    protected override IEventConsumer CreateConsumer(string groupId) =>
        KafkaClientFactory.BuildConsumer(
            KafkaClientDefaults.Apply(new ConsumerConfig
            {
                BootstrapServers = BootstrapServers,
                GroupId = groupId,
                SessionTimeoutMs = 6000,          // a crashed member is evicted quickly
                AutoCommitIntervalMs = 200,
            }, statistics: false),
            NullLoggerFactory.Instance, lag: null);
}
