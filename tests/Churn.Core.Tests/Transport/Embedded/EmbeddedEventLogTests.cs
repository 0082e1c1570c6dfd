using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Testing;

namespace Churn.Core.Tests.Transport.Embedded;

/// <summary>What the in-process log adds beyond the shared contract: back-pressure, interval commits, rebalancing.</summary>
public sealed class EmbeddedEventLogTests : IDisposable
{
    private const string Topic = "churn.customers";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private EmbeddedEventLog log = new();

    public void Dispose() => log.Dispose();

    private static Task OnOwnThread(Action action) => OnOwnThread(() => { action(); return true; });

    private static Task<T> OnOwnThread<T>(Func<T> func) =>
        Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static EventMessage Event(string key, int sequence) => new(key, BitConverter.GetBytes(sequence), []);

    [Fact]
    public async Task A_full_partition_blocks_Publish_until_a_consumer_group_commits_past_its_oldest_messages()
    {
        log = new EmbeddedEventLog(new EmbeddedTransportOptions { Partitions = 1, PartitionCapacity = 2 });
        using var publisher = log.CreatePublisher();
        publisher.Publish(Topic, Event("a", 0), _ => { }, TestContext.Current.CancellationToken);
        publisher.Publish(Topic, Event("a", 1), _ => { }, TestContext.Current.CancellationToken);
        var third = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);

        var blocked = OnOwnThread(() => publisher.Publish(Topic, Event("a", 2), third.SetResult));
        await Eventually.UntilAsync(() => log.BlockedPublishers(Topic) == 1, "the third Publish blocked", Patience,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(third.Task.IsCompleted);
        Assert.Equal(2, log.EndOffset(Topic, 0));

        using var consumer = log.CreateConsumer("scoring");
        consumer.Subscribe(Topic);
        var first = consumer.Consume(Patience)!;
        consumer.StoreOffsets([new PartitionOffset(Topic, 0, first.Offset + 1)]);
        Assert.False(third.Task.IsCompleted);   // stored is not committed: the space is still needed
        consumer.Close();

        await blocked.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(new DeliveryReport(Topic, 0, 2, null), await third.Task);
        Assert.Equal(1, log.StartOffset(Topic, 0));
        Assert.Equal(3, log.EndOffset(Topic, 0));
    }

    [Fact]
    public async Task A_group_that_has_not_committed_yet_keeps_its_messages_when_another_group_commits()
    {
        log = new EmbeddedEventLog(new EmbeddedTransportOptions { Partitions = 1, PartitionCapacity = 2 });
        using var publisher = log.CreatePublisher();
        using var fast = log.CreateConsumer("fast");
        using var slow = log.CreateConsumer("slow");
        fast.Subscribe(Topic);
        slow.Subscribe(Topic);
        publisher.Publish(Topic, Event("a", 0), _ => { }, TestContext.Current.CancellationToken);
        publisher.Publish(Topic, Event("a", 1), _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal(0, fast.Consume(Patience)!.Offset);
        Assert.Equal(1, fast.Consume(Patience)!.Offset);
        fast.StoreOffsets([new PartitionOffset(Topic, 0, 2)]);
        fast.Close();
        var third = OnOwnThread(() => publisher.Publish(Topic, Event("a", 2), _ => { }));
        await Eventually.UntilAsync(() => log.BlockedPublishers(Topic) == 1, "the third Publish blocked", Patience,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, log.StartOffset(Topic, 0));   // the slow group still needs both messages
        Assert.Equal([0L, 1L], [slow.Consume(Patience)!.Offset, slow.Consume(Patience)!.Offset]);
        slow.StoreOffsets([new PartitionOffset(Topic, 0, 2)]);
        slow.Close();
        await third.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_partition_that_stays_full_fails_the_delivery_with_the_reason_instead_of_blocking_forever()
    {
        log = new EmbeddedEventLog(new EmbeddedTransportOptions
            { Partitions = 1, PartitionCapacity = 1, MessageTimeout = TimeSpan.FromMilliseconds(50) });
        using var publisher = log.CreatePublisher();
        var reports = new List<DeliveryReport>();

        publisher.Publish(Topic, Event("a", 0), reports.Add, TestContext.Current.CancellationToken);
        publisher.Publish(Topic, Event("a", 1), reports.Add, TestContext.Current.CancellationToken);

        Assert.True(reports[0].Delivered);
        Assert.False(reports[1].Delivered);
        Assert.Contains("waiting for space", reports[1].Error);
        Assert.Equal(1, log.EndOffset(Topic, 0));
    }

    [Fact]
    public void Stored_offsets_are_committed_on_the_interval_so_a_crash_after_the_commit_loses_nothing_and_repeats_nothing()
    {
        log = new EmbeddedEventLog(new EmbeddedTransportOptions { Partitions = 1, CommitInterval = TimeSpan.FromMilliseconds(20) });
        using var publisher = log.CreatePublisher();
        for (var i = 0; i < 6; i++)
        {
            publisher.Publish(Topic, Event("a", i), _ => { }, TestContext.Current.CancellationToken);
        }
        var crasher = log.CreateConsumer("scoring");
        crasher.Subscribe(Topic);
        var read = Enumerable.Range(0, 4).Select(_ => crasher.Consume(Patience)!).ToList();

        crasher.StoreOffsets([new PartitionOffset(Topic, 0, read[3].Offset + 1)]);
        Eventually.Until(() => log.CommittedOffset("scoring", Topic, 0) == 4, "offset 4 committed on the interval", Patience);
        crasher.Dispose();
        using var successor = log.CreateConsumer("scoring");
        successor.Subscribe(Topic);

        Assert.Equal([4L, 5L], [successor.Consume(Patience)!.Offset, successor.Consume(Patience)!.Offset]);
    }

    [Fact]
    public void A_joining_member_takes_half_the_partitions_from_the_committed_offsets_the_first_member_stored_on_revocation()
    {
        using var publisher = log.CreatePublisher();
        var keys = Enumerable.Range(0, 40).Select(i => $"customer-{i}").ToList();
        keys.ForEach(k => publisher.Publish(Topic, Event(k, 0), _ => { }));
        using var first = log.CreateConsumer("scoring");
        first.Subscribe(Topic);
        var read = Enumerable.Range(0, 40).Select(_ => first.Consume(Patience)!).ToList();
        var revoked = new List<(string Topic, int Partition)>();
        first.PartitionsRevoked += partitions =>
        {
            revoked.AddRange(partitions);
            // Only the first message of each revoked partition was "written": store just past it.
            first.StoreOffsets(partitions.Select(p => new PartitionOffset(Topic, p.Partition, read.First(e => e.Partition == p.Partition).Offset + 1)));
        };

        using var second = log.CreateConsumer("scoring");
        second.Subscribe(Topic);
        Assert.Null(first.Consume(TimeSpan.FromMilliseconds(50)));   // the rebalance runs inside Consume
        var taken = Enumerable.Range(0, read.Count(e => e.Partition is 1 or 3) - 2).Select(_ => second.Consume(Patience)!).ToList();

        Assert.Equal([(Topic, 1), (Topic, 3)], revoked);
        Assert.Equal([0, 2], first.Assignment.Order());
        Assert.Equal([1, 3], second.Assignment.Order());
        Assert.All(taken, e => Assert.Contains(e.Partition, new[] { 1, 3 }));
        Assert.Equal([1L, 1L], taken.GroupBy(e => e.Partition).OrderBy(g => g.Key).Select(g => g.Min(e => e.Offset)));
    }

    [Fact]
    public async Task Consume_without_a_deadline_waits_for_a_publish_on_another_thread()
    {
        using var consumer = log.CreateConsumer("scoring");
        consumer.Subscribe(Topic);
        using var publisher = log.CreatePublisher();

        Assert.Null(consumer.Consume(TimeSpan.Zero));   // nothing yet: a zero timeout does not wait
        var waiting = OnOwnThread(() => consumer.Consume(Timeout.InfiniteTimeSpan));
        publisher.Publish(Topic, Event("late", 7), _ => { }, TestContext.Current.CancellationToken);

        var consumed = await waiting.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("late", consumed!.Message.Key);
    }

    [Fact]
    public void A_key_maps_to_the_same_partition_in_every_process()
    {
        // FNV-1a is fixed, unlike string.GetHashCode (values checked against an independent FNV-1a 32 computation):
        // they must never change, or replays re-partition.
        Assert.Equal([3, 2, 1], new[] { "customer-1", "customer-2", "382-4657" }.Select(k => KeyPartitioner.PartitionFor(k, 4)));
        Assert.Equal(log.PartitionFor("customer-1"), KeyPartitioner.PartitionFor("customer-1", 4));
    }

    [Fact]
    public void Storing_an_offset_beyond_what_was_read_is_refused()
    {
        using var publisher = log.CreatePublisher();
        publisher.Publish(Topic, Event("a", 0), _ => { }, TestContext.Current.CancellationToken);
        using var consumer = log.CreateConsumer("scoring");
        consumer.Subscribe(Topic);
        var read = consumer.Consume(Patience)!;

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            consumer.StoreOffsets([new PartitionOffset(Topic, read.Partition, read.Offset + 2)]));
    }
}
