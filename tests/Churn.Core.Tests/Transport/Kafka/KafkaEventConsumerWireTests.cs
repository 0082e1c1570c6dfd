using System.Text;
using Churn.Core.Transport;
using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// <see cref="KafkaEventConsumer"/> with a real Confluent consumer on the <see cref="KafkaCluster"/> fixture, built by
/// <see cref="KafkaClientFactory"/>: poison records straight from the wire, commits on Close across partitions, and the
/// rebalance handlers of a real group. Complements the transport contract (one partition, one key).
/// </summary>
public sealed class KafkaEventConsumerWireTests(KafkaCluster cluster)
{
    /// <summary>
    /// The mock lets a rebalance wait up to the session timeout less a second for members to rejoin, and a cooperative
    /// hand-over takes two rounds: 3 s instead of the fixture's 6 s makes it 2 × 2 s instead of 2 × 5 s.
    /// </summary>
    private const int RebalanceSessionTimeoutMs = 3000;

    [Fact]
    public async Task A_key_that_is_not_utf8_comes_back_as_poison_at_its_real_position_and_the_records_after_it_are_consumed()
    {
        var topic = cluster.NewTopic("churn.poison");
        byte[] badKey = [0xC3, 0x28];   // a truncated two-byte sequence: not UTF-8
        var partition = new TopicPartition(topic, new Partition(2));
        List<DeliveryResult<byte[], byte[]>> written;
        using (var producer = KafkaWire.RawProducer(cluster))
        {
            written =
            [
                await producer.ProduceAsync(partition, new Message<byte[], byte[]>
                {
                    Key = badKey, Value = [7, 7], Headers = new Headers { { "content-type", "application/octet-stream"u8.ToArray() } },
                }, TestContext.Current.CancellationToken),
                await producer.ProduceAsync(partition, new Message<byte[], byte[]> { Key = "customer-1"u8.ToArray(), Value = [1] },
                    TestContext.Current.CancellationToken),
                await producer.ProduceAsync(partition, new Message<byte[], byte[]> { Key = "customer-2"u8.ToArray(), Value = [2] },
                    TestContext.Current.CancellationToken),
            ];
        }
        using var consumer = KafkaWire.Consumer(cluster, KafkaCluster.NewGroup());
        consumer.Subscribe(topic);

        var consumed = KafkaWire.ConsumeUntil(consumer, 3);

        var poison = consumed[0];
        Assert.True(poison.IsPoison);
        Assert.Contains(nameof(ErrorCode.Local_KeyDeserialization), poison.PoisonReason);
        Assert.Equal((topic, 2, written[0].Offset.Value), (poison.Topic, poison.Partition, poison.Offset));
        Assert.Equal(badKey, poison.Message.Headers.Single(h => h.Key == KafkaEventConsumer.RawKeyHeader).Value);
        Assert.Equal([7, 7], poison.Message.Value);
        Assert.Equal("application/octet-stream", poison.Message.Header("content-type"));
        Assert.All(consumed.Skip(1), e => Assert.False(e.IsPoison));
        Assert.Equal(["customer-1", "customer-2"], consumed.Skip(1).Select(e => e.Message.Key));
        Assert.Equal(written.Skip(1).Select(w => w.Offset.Value), consumed.Skip(1).Select(e => e.Offset));
    }

    [Fact]
    public async Task Offsets_stored_before_and_inside_Close_are_committed_on_every_partition_and_a_new_member_resumes_after_them()
    {
        var topic = cluster.NewTopic("churn.commit");
        const int perPartition = 4;
        await WriteToEveryPartition(topic, perPartition);
        var group = KafkaCluster.NewGroup();
        var first = KafkaWire.Consumer(cluster, group);
        first.Subscribe(topic);
        var read = KafkaWire.ConsumeUntil(first, 4 * perPartition);
        // Partitions 0 and 1: two records processed, stored while consuming. Partitions 2 and 3: three processed,
        // stored from the revoked handler while Close runs (the moment a worker hands its partitions over).
        first.StoreOffsets(read.Where(e => e.Partition < 2 && e.Offset == 1).Select(Next));
        first.PartitionsRevoked += revoked => first.StoreOffsets(
            read.Where(e => e.Partition >= 2 && e.Offset == 2 && revoked.Contains((e.Topic, e.Partition))).Select(Next));
        first.Close();
        first.Dispose();

        using var second = KafkaWire.Consumer(cluster, group);
        second.Subscribe(topic);
        var resumed = KafkaWire.ConsumeUntil(second, 2 + 2 + 1 + 1);
        var committed = second.Client.Committed(
            Enumerable.Range(0, 4).Select(p => new TopicPartition(topic, new Partition(p))), KafkaWire.Deadline);

        Assert.Equal([(0, 2L), (1, 2L), (2, 3L), (3, 3L)],
            committed.Select(c => (c.Partition.Value, c.Offset.Value)).Order());
        Assert.Equal([(0, 2L), (0, 3L), (1, 2L), (1, 3L), (2, 3L), (3, 3L)],
            resumed.Select(e => (e.Partition, e.Offset)).Order());
    }

    [Fact]
    public void When_a_second_member_joins_the_first_ones_PartitionsRevoked_names_the_partitions_it_lost_and_its_stores_for_them_are_dropped()
    {
        var topic = cluster.NewTopic("churn.rebalance");
        var group = KafkaCluster.NewGroup();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        using var first = KafkaWire.Consumer(cluster, group, RebalanceSessionTimeoutMs, loggerFactory);
        var revoked = new List<(string Topic, int Partition)>();
        first.PartitionsRevoked += revoked.AddRange;
        first.Subscribe(topic);
        Eventually.Until(() => Polled(first) && first.Client.Assignment.Count == 4, "the first member owning all 4 partitions",
            KafkaWire.Deadline);

        using var second = KafkaWire.Consumer(cluster, group, RebalanceSessionTimeoutMs);
        second.Subscribe(topic);
        Eventually.Until(() => Polled(first) && Polled(second) && second.Client.Assignment.Count > 0
                && first.Client.Assignment.Count + second.Client.Assignment.Count == 4,
            "the partitions shared by both members", KafkaWire.Deadline);

        var moved = second.Client.Assignment.Select(p => (p.Topic, Partition: p.Partition.Value)).Order().ToList();
        Assert.Equal(moved, revoked.Order());
        Assert.DoesNotContain(first.Client.Assignment, p => moved.Contains((p.Topic, p.Partition.Value)));
        // A worker that finishes a batch of a lost partition stores its offset: librdkafka refuses it (Local_State),
        // the adapter drops it, says so, and does not fail the worker.
        first.StoreOffsets([new PartitionOffset(topic, moved[0].Partition, 1)]);
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Message.StartsWith(
            $"Dropped stored offset 1 for {topic}[{moved[0].Partition}]", StringComparison.Ordinal));
        first.Close();
        second.Close();
    }

    private async Task WriteToEveryPartition(string topic, int perPartition)
    {
        using var producer = KafkaWire.RawProducer(cluster);
        for (var partition = 0; partition < 4; partition++)
        {
            for (var i = 0; i < perPartition; i++)
            {
                await producer.ProduceAsync(new TopicPartition(topic, new Partition(partition)),
                    new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes($"customer-{partition}"), Value = [(byte)i] },
                    TestContext.Current.CancellationToken);
            }
        }
    }

    private static PartitionOffset Next(ConsumedEvent consumed) => new(consumed.Topic, consumed.Partition, consumed.Offset + 1);

    /// <summary>Serves the member's group protocol and rebalance handlers; a member only rebalances while it polls.</summary>
    private static bool Polled(KafkaEventConsumer member)
    {
        Assert.Null(member.Consume(TimeSpan.FromMilliseconds(100)));   // the topic is empty
        return true;
    }
}
