using Churn.Core.Transport;
using Churn.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport.Kafka;

public class KafkaEventConsumerTests
{
    private const string Topic = "churn.customers";
    private readonly FakeKafkaConsumer fake = new();
    private readonly KafkaEventConsumer consumer;

    public KafkaEventConsumerTests() => consumer = new KafkaEventConsumer(fake, NullLogger<KafkaEventConsumer>.Instance);

    [Fact]
    public void A_consumed_record_keeps_its_key_value_headers_and_position()
    {
        fake.Steps.Enqueue(() => FakeKafkaConsumer.Record(Topic, 2, 41, "customer-9", [1, 2, 3],
            new Headers { { "traceparent", "00-abc"u8.ToArray() } }));

        var consumed = consumer.Consume(TimeSpan.FromSeconds(1));

        Assert.NotNull(consumed);
        Assert.Equal((Topic, 2, 41L), (consumed.Topic, consumed.Partition, consumed.Offset));
        Assert.Equal("customer-9", consumed.Message.Key);
        Assert.Equal([1, 2, 3], consumed.Message.Value);
        Assert.Equal("00-abc", consumed.Message.Header("traceparent"));
        Assert.False(consumed.IsPoison);
    }

    [Fact]
    public void Storing_passes_the_next_offset_to_read_which_is_the_processed_offset_plus_one()
    {
        fake.Steps.Enqueue(() => FakeKafkaConsumer.Record(Topic, 2, 41, "k", []));
        var consumed = consumer.Consume(TimeSpan.FromSeconds(1))!;

        consumer.StoreOffsets([new PartitionOffset(consumed.Topic, consumed.Partition, consumed.Offset + 1)]);

        var stored = Assert.Single(fake.Stored);
        Assert.Equal(new TopicPartitionOffset(Topic, new Partition(2), new Offset(42)), stored);
    }

    [Fact]
    public void Storing_for_a_revoked_partition_is_dropped_and_the_other_partitions_are_still_stored()
    {
        fake.RevokedPartitions.Add(0);

        consumer.StoreOffsets([new PartitionOffset(Topic, 0, 10), new PartitionOffset(Topic, 1, 20)]);

        var stored = Assert.Single(fake.Stored);
        Assert.Equal(1, stored.Partition.Value);
        Assert.Equal(20, stored.Offset.Value);
    }

    [Fact]
    public void Revoked_and_lost_partitions_raise_PartitionsRevoked_from_inside_Consume()
    {
        var revoked = new List<(string, int)>();
        consumer.PartitionsRevoked += partitions => revoked.AddRange(partitions);
        fake.Steps.Enqueue(() =>
        {
            consumer.OnRevoked([new TopicPartitionOffset(Topic, 3, Offset.Unset)]);
            consumer.OnLost([new TopicPartitionOffset(Topic, 1, Offset.Unset)]);
            return null;
        });

        Assert.Null(consumer.Consume(TimeSpan.FromSeconds(1)));

        Assert.Equal([(Topic, 3), (Topic, 1)], revoked);
    }

    [Fact]
    public void Close_leaves_the_group_once_and_offsets_stored_in_the_revoked_handler_are_kept()
    {
        consumer.PartitionsRevoked += partitions =>
            consumer.StoreOffsets(partitions.Select(p => new PartitionOffset(p.Topic, p.Partition, 7)));
        fake.OnClose = () => consumer.OnRevoked([new TopicPartitionOffset(Topic, 0, Offset.Unset)]);

        consumer.Close();
        consumer.Close();
        consumer.Dispose();

        Assert.Equal(["close", "dispose"], fake.Calls);
        Assert.Equal(7, Assert.Single(fake.Stored).Offset.Value);
    }

    [Fact]
    public void A_record_whose_key_cannot_be_decoded_comes_back_as_poison_with_its_raw_bytes_and_position()
    {
        byte[] badKey = [0xC3, 0x28];
        fake.Steps.Enqueue(() => throw new ConsumeException(new ConsumeResult<byte[], byte[]>
        {
            Topic = Topic,
            Partition = new Partition(1),
            Offset = new Offset(99),
            Message = new Message<byte[], byte[]> { Key = badKey, Value = [7, 7], Headers = [] },
        }, new Error(ErrorCode.Local_KeyDeserialization, "invalid UTF-8")));

        var poison = consumer.Consume(TimeSpan.FromSeconds(1));

        Assert.NotNull(poison);
        Assert.True(poison.IsPoison);
        Assert.Contains("Local_KeyDeserialization", poison.PoisonReason);
        Assert.Equal((1, 99L), (poison.Partition, poison.Offset));
        Assert.Equal([7, 7], poison.Message.Value);
        Assert.Equal(badKey, poison.Message.Headers.Single(h => h.Key == KafkaEventConsumer.RawKeyHeader).Value);
    }

    [Fact]
    public void An_unknown_topic_at_startup_is_tolerated_and_consuming_continues()
    {
        fake.Steps.Enqueue(() => throw new ConsumeException(new ConsumeResult<byte[], byte[]>(), new Error(ErrorCode.UnknownTopicOrPart)));
        fake.Steps.Enqueue(() => FakeKafkaConsumer.Record(Topic, 0, 0, "k", []));

        Assert.Null(consumer.Consume(TimeSpan.FromSeconds(1)));
        Assert.NotNull(consumer.Consume(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_fatal_consume_error_is_not_swallowed_but_reported_as_a_failed_transport()
    {
        fake.Steps.Enqueue(() => throw new ConsumeException(new ConsumeResult<byte[], byte[]>(), new Error(ErrorCode.Local_Fatal, "fatal", isFatal: true)));

        var failed = Assert.Throws<TransportFailedException>(() => consumer.Consume(TimeSpan.FromSeconds(1)));
        Assert.IsType<ConsumeException>(failed.InnerException);
    }

    [Fact]
    public void Consumer_lag_comes_from_the_stored_offset_else_the_committed_one_else_the_low_watermark()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var lag = new KafkaConsumerLag(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        lag.Update("""
            {"topics":{"churn.customers":{"partitions":{
              "0":{"partition":0,"desired":true,"consumer_lag":12,"consumer_lag_stored":15},
              "1":{"partition":1,"desired":true,"consumer_lag_stored":-1},
              "2":{"partition":2,"desired":true,"consumer_lag_stored":-1,"hi_offset":500,"committed_offset":420,"lo_offset":0},
              "3":{"partition":3,"desired":true,"consumer_lag_stored":-1,"hi_offset":300,"committed_offset":-1001,"lo_offset":100},
              "4":{"partition":4,"desired":false,"consumer_lag_stored":-1,"hi_offset":900,"committed_offset":-1001,"lo_offset":0},
              "-1":{"partition":-1,"consumer_lag_stored":0}}}}}
            """);
        lag.Update("not json");

        Assert.Equal(
        [
            new KafkaConsumerLag.PartitionLag("churn.customers", 0, 15),   // stored offset
            new KafkaConsumerLag.PartitionLag("churn.customers", 2, 80),   // nothing stored yet: the group's commit
            new KafkaConsumerLag.PartitionLag("churn.customers", 3, 200),  // never committed: all that is retained
        ], lag.Current);
    }
}
