using Churn.Core.DeadLetters;
using Churn.Core.Storage;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// The recorder's keyed Kafka consumer over the wire (the KafkaCluster fixture): it reads the dead-letter topic in the
/// recorder's own group and commits there once the dead letters are stored, beside the scoring worker's consumer,
/// which keeps its own group.
/// </summary>
public sealed class KafkaDeadLetterConsumerTests(KafkaCluster cluster)
{
    [Fact]
    public async Task The_recorder_over_kafka_stores_the_dead_letters_and_commits_in_its_own_group_not_the_scoring_workers()
    {
        var (customers, deadLetters) = (cluster.NewTopic("churn.customers"), cluster.NewTopic("churn.customers.dlq"));
        var (scoringGroup, recorderGroup) = (KafkaCluster.NewGroup("churn-scoring"), KafkaCluster.NewGroup("churn-dead-letters"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Churn.Scoring", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(cluster.HostSettings(customers, deadLetters, scoringGroup))
        {
            ["Churn:DeadLetters:ConsumerGroup"] = recorderGroup,
            ["Churn:DeadLetters:MaxBatchWait"] = "00:00:00.050",
        });
        builder.AddKafkaConsumer("kafka");
        builder.AddKafkaDeadLetterConsumer("kafka");
        builder.AddDeadLetterRecorder();
        var store = new FakeDeadLetterStore();
        builder.Services.AddSingleton<IDeadLetterStore>(store);
        using var host = builder.Build();
        var scoring = host.Services.GetRequiredService<IEventConsumer>();
        var recorder = host.Services.GetRequiredKeyedService<IEventConsumer>(DeadLetterRecorderExtensions.ConsumerKey);
        Assert.NotSame(scoring, recorder);
        Assert.Equal(scoringGroup, host.Services.GetRequiredService<KafkaConsumerOptions>().Config.GroupId);

        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        using (var producer = new ProducerBuilder<string, byte[]>(cluster.ProducerConfig()).Build())
        {
            foreach (var i in Enumerable.Range(0, 3))
            {
                await producer.ProduceAsync(deadLetters, new Message<string, byte[]>
                {
                    Key = $"customer-{i}", Value = "not json"u8.ToArray(),
                    Headers = new Headers { { EventHeaders.DlqReason, "deserialization failed: invalid JSON"u8.ToArray() } },
                }, TestContext.Current.CancellationToken);
            }
        }
        var produced = DateTimeOffset.UtcNow;
        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => store.Stored.Count == 3, "3 dead letters stored", TimeSpan.FromSeconds(60),
            cancellationToken: TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken); // Close commits what was stored

        Assert.All(store.Stored.Values, l => Assert.Equal((deadLetters, "deserialization failed"), (l.Topic, l.ReasonKind)));
        // The records' own timestamps, not the (later) time they were recorded.
        Assert.All(store.Stored.Values, l => Assert.InRange(l.DeadLetteredAt, before, produced));
        var partitions = Enumerable.Range(0, cluster.PartitionCount(deadLetters)).Select(p => new TopicPartition(deadLetters, p)).ToList();
        Assert.Equal(3, Committed(recorderGroup, partitions).Sum(o => Math.Max(0, o.Offset.Value)));
        Assert.All(Committed(scoringGroup, partitions), o => Assert.Equal(Offset.Unset, o.Offset));
    }

    private List<TopicPartitionOffset> Committed(string group, IEnumerable<TopicPartition> partitions)
    {
        using var reader = new ConsumerBuilder<byte[], byte[]>(cluster.ConsumerConfig(group)).Build();
        return reader.Committed(partitions, TimeSpan.FromSeconds(10));
    }
}
