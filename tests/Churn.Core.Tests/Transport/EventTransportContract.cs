using System.Text;
using Churn.Core.Transport;
using Churn.Testing;

namespace Churn.Core.Tests.Transport;

/// <summary>
/// The behaviour every <see cref="IEventPublisher"/>/<see cref="IEventConsumer"/> pair must show (Kafka's offset
/// semantics): run against the in-process log and over the Kafka protocol (the KafkaCluster fixture), on every run.
/// </summary>
public abstract class EventTransportContract : IDisposable
{
    /// <summary>How long a consumer may take to be assigned and receive the first message.</summary>
    protected abstract TimeSpan FirstMessageTimeout { get; }

    /// <summary>How long to wait to be confident that nothing more will arrive.</summary>
    protected abstract TimeSpan QuietPeriod { get; }

    protected abstract string NewTopic();
    protected abstract IEventPublisher CreatePublisher();
    protected abstract IEventConsumer CreateConsumer(string groupId);

    /// <summary>The key whose partition a full transport (<see cref="CreateFullTransport"/>) has no room in.</summary>
    protected const string FullKey = "customer-full";

    /// <summary>
    /// A publisher whose transport takes no more messages for <see cref="FullKey"/> and will not make room by itself for
    /// the length of a test (nothing drains it), and the topic to publish to.
    /// </summary>
    protected abstract (IEventPublisher Publisher, string Topic) CreateFullTransport();

    /// <summary>True once a Publish into the full transport is waiting for room.</summary>
    protected abstract bool IsWaitingForRoom(IEventPublisher publisher, string topic);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void A_published_message_arrives_with_its_key_value_headers_and_the_reported_position()
    {
        var topic = NewTopic();
        var message = new EventMessage("customer-1", Encoding.UTF8.GetBytes("""{"state":"KS"}"""),
            [new("content-type", "application/json"u8.ToArray()), new("schema-version", "1"u8.ToArray())]);

        var report = PublishAll(topic, [message]).Single();
        using var consumer = Subscribe(topic, NewGroup());
        var consumed = Assert.Single(ConsumeUntil(consumer, 1));

        Assert.True(report.Delivered, report.Error);
        Assert.Equal((topic, report.Partition, report.Offset), (consumed.Topic, consumed.Partition, consumed.Offset));
        Assert.Equal(message.Key, consumed.Message.Key);
        Assert.Equal(message.Value, consumed.Message.Value);
        Assert.Equal("application/json", consumed.Message.Header("content-type"));
        Assert.Equal("1", consumed.Message.Header("schema-version"));
    }

    [Fact]
    public void Delivery_reports_carry_consecutive_offsets_within_a_keys_partition()
    {
        var topic = NewTopic();

        var reports = PublishAll(topic, Enumerable.Range(0, 20).Select(i => Event("customer-5", i)).ToList());

        Assert.All(reports, r => Assert.True(r.Delivered, r.Error));
        Assert.Single(reports.Select(r => r.Partition).Distinct());
        var offsets = reports.Select(r => r.Offset).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => offsets[0] + i), offsets);
    }

    [Fact]
    public void Each_key_is_read_in_publish_order_from_a_single_partition()
    {
        var topic = NewTopic();
        var keys = Enumerable.Range(0, 8).Select(k => $"customer-{k}").ToList();
        PublishAll(topic, Enumerable.Range(0, 400).Select(i => Event(keys[i % keys.Count], i / keys.Count)).ToList());

        using var consumer = Subscribe(topic, NewGroup());
        var consumed = ConsumeUntil(consumer, 400);

        Assert.Equal(400, consumed.Count);
        foreach (var byKey in consumed.GroupBy(e => e.Message.Key))
        {
            Assert.Single(byKey.Select(e => e.Partition).Distinct());
            Assert.Equal(Enumerable.Range(0, 50), byKey.Select(e => Sequence(e)));
        }
    }

    [Fact]
    public void After_Close_the_next_member_of_the_group_resumes_at_the_last_stored_offset()
    {
        var topic = NewTopic();
        PublishAll(topic, Enumerable.Range(0, 6).Select(i => Event("customer-3", i)).ToList());
        var group = NewGroup();

        var first = Subscribe(topic, group);
        var read = ConsumeUntil(first, 6);
        first.StoreOffsets([Next(read[2])]);
        first.Close();
        first.Dispose();
        using var second = Subscribe(topic, group);
        var resumed = ConsumeUntil(second, 3);

        Assert.Equal([3, 4, 5], resumed.Select(Sequence));
        Assert.Empty(ConsumeFor(second, QuietPeriod));
    }

    [Fact]
    public void A_crashed_member_s_uncommitted_work_is_read_again_and_committed_work_is_not()
    {
        var topic = NewTopic();
        PublishAll(topic, Enumerable.Range(0, 10).Select(i => Event("customer-4", i)).ToList());
        var group = NewGroup();

        var committer = Subscribe(topic, group);
        committer.StoreOffsets([Next(ConsumeUntil(committer, 5)[4])]);
        committer.Close();
        committer.Dispose();
        var crasher = Subscribe(topic, group);
        Assert.Equal([5, 6, 7, 8, 9], ConsumeUntil(crasher, 5).Select(Sequence));
        crasher.Dispose();   // no Close: nothing of its work was stored or committed
        using var successor = Subscribe(topic, group);

        Assert.Equal([5, 6, 7, 8, 9], ConsumeUntil(successor, 5).Select(Sequence));
    }

    [Fact]
    public void Close_revokes_the_members_partitions()
    {
        var topic = NewTopic();
        var report = PublishAll(topic, [Event("customer-8", 0)]).Single();
        var consumer = Subscribe(topic, NewGroup());
        var revoked = new List<(string Topic, int Partition)>();
        consumer.PartitionsRevoked += revoked.AddRange;

        ConsumeUntil(consumer, 1);
        consumer.Close();
        consumer.Dispose();

        Assert.Contains((topic, report.Partition), revoked);
    }

    [Fact]
    public async Task A_publish_waiting_for_room_gives_up_when_its_token_fires_with_one_transient_failure_and_returns()
    {
        var (publisher, topic) = CreateFullTransport();
        using var _ = publisher;
        using var cancel = new CancellationTokenSource();
        var reports = new List<DeliveryReport>();

        var publishing = Task.Factory.StartNew(() => publisher.Publish(topic, Event(FullKey, 1), r => { lock (reports) { reports.Add(r); } },
            cancel.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Eventually.UntilAsync(() => IsWaitingForRoom(publisher, topic), "the publish waiting for room",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(publishing.IsCompleted);
        await cancel.CancelAsync();
        await publishing.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        lock (reports)
        {
            var report = Assert.Single(reports);
            Assert.False(report.Delivered);
            Assert.Equal(DeliveryFailure.Transient, report.Failure);
            Assert.Contains("cancelled", report.Error);
        }
    }

    [Fact]
    public void A_publish_into_a_full_transport_with_a_cancelled_token_fails_at_once()
    {
        var (publisher, topic) = CreateFullTransport();
        using var _ = publisher;
        var reports = new List<DeliveryReport>();

        publisher.Publish(topic, Event(FullKey, 1), r => { lock (reports) { reports.Add(r); } }, new CancellationToken(canceled: true));

        lock (reports)
        {
            var report = Assert.Single(reports);
            Assert.Equal(DeliveryFailure.Transient, report.Failure);
            Assert.Contains("cancelled", report.Error);
        }
    }

    protected static EventMessage Event(string key, int sequence) =>
        new(key, BitConverter.GetBytes(sequence), [new("content-type", "application/octet-stream"u8.ToArray())]);

    protected static int Sequence(ConsumedEvent consumed) => BitConverter.ToInt32(consumed.Message.Value);

    protected static PartitionOffset Next(ConsumedEvent consumed) => new(consumed.Topic, consumed.Partition, consumed.Offset + 1);

    protected static string NewGroup() => $"group-{Guid.NewGuid():N}";

    protected List<DeliveryReport> PublishAll(string topic, IReadOnlyList<EventMessage> messages)
    {
        var reports = new List<DeliveryReport>();
        using var publisher = CreatePublisher();
        foreach (var message in messages)
        {
            publisher.Publish(topic, message, r => { lock (reports) { reports.Add(r); } });
        }
        Assert.Equal(0, publisher.Flush(TimeSpan.FromSeconds(30)));
        lock (reports)
        {
            Assert.Equal(messages.Count, reports.Count);
            return [.. reports];
        }
    }

    protected IEventConsumer Subscribe(string topic, string groupId)
    {
        var consumer = CreateConsumer(groupId);
        consumer.Subscribe(topic);
        return consumer;
    }

    /// <summary>Consumes until <paramref name="count"/> messages arrived; fails when they do not.</summary>
    protected List<ConsumedEvent> ConsumeUntil(IEventConsumer consumer, int count)
    {
        var consumed = new List<ConsumedEvent>();
        var deadline = DateTime.UtcNow + FirstMessageTimeout;
        while (consumed.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { } next)
            {
                consumed.Add(next);
            }
        }
        Assert.True(consumed.Count == count, $"Expected {count} messages, got {consumed.Count} within {FirstMessageTimeout}.");
        return consumed;
    }

    protected static List<ConsumedEvent> ConsumeFor(IEventConsumer consumer, TimeSpan period)
    {
        var consumed = new List<ConsumedEvent>();
        var deadline = DateTime.UtcNow + period;
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(deadline - DateTime.UtcNow) is { } next)
            {
                consumed.Add(next);
            }
        }
        return consumed;
    }
}
