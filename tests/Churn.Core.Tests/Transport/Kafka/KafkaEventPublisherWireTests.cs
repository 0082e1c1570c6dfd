using System.Diagnostics;
using System.Text;
using Churn.Core.Transport;
using Churn.Testing;
using Confluent.Kafka;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// <see cref="Churn.Kafka.KafkaEventPublisher"/> with a real Confluent producer on the <see cref="KafkaCluster"/>
/// fixture; what it wrote is read back with a plain Confluent consumer at the reported position, so the assertions are
/// about the record on the broker, not about the adapter's view of it.
/// </summary>
public sealed class KafkaEventPublisherWireTests(KafkaCluster cluster)
{
    [Fact]
    public void The_record_on_the_broker_has_the_key_value_headers_at_the_reported_position_and_the_send_spans_traceparent()
    {
        var topic = cluster.NewTopic("churn.publisher");
        var spans = new List<Activity>();
        using var listener = ListenForSendSpans(topic, spans);
        using var ingest = new Activity("ingest row").SetIdFormat(ActivityIdFormat.W3C).Start();
        var message = new EventMessage("customer-42", Encoding.UTF8.GetBytes("""{"state":"OH"}"""),
            [new("content-type", "application/json"u8.ToArray())]);

        var report = PublishOne(topic, message);
        var record = ReadAt(topic, report);

        Assert.True(report.Delivered, report.Error);
        Assert.Equal((report.Partition, report.Offset), (record.Partition.Value, record.Offset.Value));
        Assert.Equal("customer-42", record.Message.Key);
        Assert.Equal(message.Value, record.Message.Value);
        Assert.Equal("application/json", Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes("content-type")));
        var send = Assert.Single(spans);
        Assert.Equal($"00-{ingest.TraceId}-{send.SpanId}-01",
            Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes("traceparent")));
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(report.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture),
            send.GetTagItem(MessagingTags.PartitionId));
        Assert.Equal(report.Offset, send.GetTagItem(MessagingTags.KafkaOffset));
    }

    [Fact]
    public void A_record_larger_than_the_producer_accepts_gets_one_failed_report_and_the_publisher_keeps_delivering()
    {
        var topic = cluster.NewTopic("churn.publisher");
        var reports = new List<Core.Transport.DeliveryReport>();
        using var publisher = KafkaWire.Publisher(cluster);

        publisher.Publish(topic, new EventMessage("customer-1", new byte[2 * 1024 * 1024], []), r => { lock (reports) { reports.Add(r); } }, TestContext.Current.CancellationToken);
        publisher.Publish(topic, new EventMessage("customer-2", [1], []), r => { lock (reports) { reports.Add(r); } }, TestContext.Current.CancellationToken);
        Assert.Equal(0, publisher.Flush(KafkaWire.Deadline));

        lock (reports)
        {
            Assert.Equal(2, reports.Count);
            var tooLarge = Assert.Single(reports, r => !r.Delivered);
            Assert.Contains(nameof(ErrorCode.MsgSizeTooLarge), tooLarge.Error);
            Assert.Single(reports, r => r.Delivered);
        }
        Assert.Equal((1L, 1L), (publisher.DeliveredCount, publisher.FailedCount));
    }

    [Fact]
    public void A_full_local_queue_holds_Publish_back_until_deliveries_free_space_and_every_message_is_delivered()
    {
        var topic = cluster.NewTopic("churn.publisher");
        var reports = new List<Core.Transport.DeliveryReport>();
        using var publisher = KafkaWire.Publisher(cluster, queueBufferingMaxMessages: 5);

        for (var i = 0; i < 100; i++)
        {
            publisher.Publish(topic, new EventMessage($"customer-{i % 7}", BitConverter.GetBytes(i), []),
                r => { lock (reports) { reports.Add(r); } }, TestContext.Current.CancellationToken);
        }
        Assert.Equal(0, publisher.Flush(KafkaWire.Deadline));

        Assert.True(publisher.QueueFullRetries > 0, "librdkafka's queue of 5 never filled");
        lock (reports)
        {
            Assert.Equal(100, reports.Count);
            Assert.All(reports, r => Assert.True(r.Delivered, r.Error));
            Assert.Equal(100, reports.Select(r => (r.Partition, r.Offset)).Distinct().Count());
        }
    }

    private Core.Transport.DeliveryReport PublishOne(string topic, EventMessage message)
    {
        Core.Transport.DeliveryReport? report = null;
        using (var publisher = KafkaWire.Publisher(cluster))
        {
            publisher.Publish(topic, message, r => report = r);
            Assert.Equal(0, publisher.Flush(KafkaWire.Deadline));
        }
        Assert.NotNull(report);
        return report;
    }

    private ConsumeResult<string, byte[]> ReadAt(string topic, Core.Transport.DeliveryReport report)
    {
        using var reader = new ConsumerBuilder<string, byte[]>(cluster.ConsumerConfig(KafkaCluster.NewGroup()))
            .SetLogHandler((_, _) => { }).Build();
        reader.Assign(new TopicPartitionOffset(topic, report.Partition, report.Offset));
        var record = reader.Consume(KafkaWire.Deadline);
        Assert.NotNull(record);
        return record;
    }

    private static ActivityListener ListenForSendSpans(string topic, List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Churn.Kafka.KafkaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.DisplayName == $"send {topic}") { lock (spans) { spans.Add(a); } } },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
