using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Churn.Core.Transport;
using Churn.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.Core.Tests.Transport.Kafka;

public class KafkaEventPublisherTests
{
    private readonly FakeKafkaProducer producer = new();
    private readonly KafkaEventPublisher publisher;
    private readonly string topic = $"churn.customers.{Guid.NewGuid():N}";

    private readonly IMeterFactory meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public KafkaEventPublisherTests() => publisher = new KafkaEventPublisher(producer,
        new TransportMetrics(meters, KafkaTelemetry.Name), NullLogger<KafkaEventPublisher>.Instance);

    private static EventMessage Message(string key = "customer-1") =>
        new(key, Encoding.UTF8.GetBytes("{}"), [new("content-type", "application/json"u8.ToArray())]);

    [Fact]
    public void A_delivered_message_reports_its_partition_and_offset()
    {
        Core.Transport.DeliveryReport? report = null;

        publisher.Publish(topic, Message(), r => report = r, TestContext.Current.CancellationToken);
        producer.Deliver(0, partition: 2, offset: 41);

        Assert.Equal(new Core.Transport.DeliveryReport(topic, 2, 41, null), report);
        Assert.Equal("customer-1", producer.Produced[0].Message.Key);
        Assert.Equal("application/json", Encoding.UTF8.GetString(producer.Produced[0].Message.Headers.GetLastBytes("content-type")));
        Assert.Equal(1, publisher.DeliveredCount);
    }

    [Fact]
    public void A_failed_delivery_is_reported_with_its_reason_and_counted()
    {
        var failures = new List<(long Value, string? ErrorType)>();
        using var listener = ListenTo(TransportMetrics.FailedMessagesName, failures);
        Core.Transport.DeliveryReport? report = null;

        publisher.Publish(topic, Message(), r => report = r, TestContext.Current.CancellationToken);
        producer.Deliver(0, partition: 1, offset: 0, ErrorCode.Local_MsgTimedOut);

        Assert.NotNull(report);
        Assert.False(report.Delivered);
        Assert.Contains("Local_MsgTimedOut", report.Error);
        Assert.Equal(1, publisher.FailedCount);
        Assert.Equal(0, publisher.DeliveredCount);
        Assert.Equal([(1L, "Local_MsgTimedOut")], failures);
    }

    [Fact]
    public void A_full_local_queue_waits_for_deliveries_to_drain_then_retries_the_same_message()
    {
        producer.QueueFullRejections = 2;

        publisher.Publish(topic, Message("customer-7"), _ => { }, TestContext.Current.CancellationToken);

        Assert.Single(producer.Produced);
        Assert.Equal("customer-7", producer.Produced[0].Message.Key);
        Assert.Equal(2, publisher.QueueFullRetries);
        Assert.Equal(2, producer.FlushCalls);
    }

    [Fact]
    public async Task A_local_queue_that_stays_full_gives_the_message_up_after_QueueFullTimeout_with_one_transient_failure()
    {
        producer.QueueFullRejections = int.MaxValue;   // nothing ever drains
        var bounded = new KafkaEventPublisher(producer, new TransportMetrics(meters, KafkaTelemetry.Name),
            NullLogger<KafkaEventPublisher>.Instance) { QueueFullTimeout = TimeSpan.FromMilliseconds(200) };
        var reports = new List<Core.Transport.DeliveryReport>();

        // No token: only the bound ends the wait.
        await Task.Run(() => bounded.Publish(topic, Message(), reports.Add), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var report = Assert.Single(reports);
        Assert.Equal(DeliveryFailure.Transient, report.Failure);
        Assert.Contains("Local_QueueFull", report.Error);
        Assert.Contains("QueueFullTimeout", report.Error);
        Assert.Empty(producer.Produced);
        Assert.Equal(1, bounded.FailedCount);
    }

    [Fact]
    public void A_message_rejected_before_queueing_gets_exactly_one_failed_report()
    {
        producer.RejectWith = new KafkaException(new Error(ErrorCode.MsgSizeTooLarge, "Message too large"));
        var reports = new List<Core.Transport.DeliveryReport>();

        publisher.Publish(topic, Message(), reports.Add, TestContext.Current.CancellationToken);

        var report = Assert.Single(reports);
        Assert.Contains("MsgSizeTooLarge", report.Error);
        Assert.Equal(1, publisher.FailedCount);
    }

    [Fact]
    public void A_callback_that_throws_does_not_escape_onto_the_poll_thread()
    {
        publisher.Publish(topic, Message(), _ => throw new InvalidOperationException("caller bug"), TestContext.Current.CancellationToken);

        var error = Record.Exception(() => producer.Deliver(0, 0, 5));

        Assert.Null(error);
        Assert.Equal(1, publisher.DeliveredCount);
    }

    [Fact]
    public void Dispose_flushes_until_nothing_is_in_flight_then_disposes_the_producer()
    {
        producer.FlushResults.Enqueue(3);
        producer.FlushResults.Enqueue(1);
        producer.FlushResults.Enqueue(0);

        publisher.Dispose();

        Assert.Equal(3, producer.FlushCalls);
        Assert.True(producer.Disposed);
        Assert.Throws<ObjectDisposedException>(() => publisher.Publish(topic, Message(), _ => { }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Publish_injects_the_send_spans_trace_context_into_the_kafka_headers()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KafkaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.DisplayName == $"send {topic}") { lock (spans) { spans.Add(activity); } } },
        };
        ActivitySource.AddActivityListener(listener);
        using var ingest = new Activity("ingest row").SetIdFormat(ActivityIdFormat.W3C).Start();

        publisher.Publish(topic, Message(), _ => { }, TestContext.Current.CancellationToken);
        Assert.Same(ingest, Activity.Current);   // the send span never leaks into the caller
        producer.Deliver(0, partition: 3, offset: 17);

        var send = Assert.Single(spans);
        var traceparent = Encoding.UTF8.GetString(producer.Produced[0].Message.Headers.GetLastBytes("traceparent"));
        Assert.Equal($"00-{ingest.TraceId}-{send.SpanId}-01", traceparent);
        Assert.Equal(ingest.SpanId, send.ParentSpanId);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("kafka", send.GetTagItem(MessagingTags.System));
        Assert.Equal(topic, send.GetTagItem(MessagingTags.DestinationName));
        Assert.Equal("3", send.GetTagItem(MessagingTags.PartitionId));
        Assert.Equal(17L, send.GetTagItem(MessagingTags.KafkaOffset));
        Assert.DoesNotContain(send.TagObjects, tag => tag.Value is byte[] || (tag.Value as string)?.Contains('{') == true);
    }

    private MeterListener ListenTo(string instrumentName, List<(long, string?)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == KafkaTelemetry.Name && instrument.Name == instrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? forTopic = null, errorType = null;
            foreach (var tag in tags)
            {
                if (tag.Key == MessagingTags.DestinationName) { forTopic = tag.Value as string; }
                if (tag.Key == MessagingTags.ErrorType) { errorType = tag.Value as string; }
            }
            if (forTopic == topic)
            {
                lock (measurements) { measurements.Add((value, errorType)); }
            }
        });
        listener.Start();
        return listener;
    }
}
