using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;

namespace Churn.Core.Tests.Transport.Embedded;

/// <summary>
/// The dead-letter topic of the in-process log has its own bounded retention: nothing has to consume it, so a full
/// partition drops its oldest message instead of blocking the scoring thread that dead-letters.
/// </summary>
public sealed class DeadLetterRetentionTests : IDisposable
{
    private const string DeadLetters = PipelineTopicsOptions.DefaultDeadLetters;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly EmbeddedEventLog log = new(new EmbeddedTransportOptions
    {
        Partitions = 1, PartitionCapacity = 3, DeadLetterCapacity = 3, MessageTimeout = TimeSpan.FromSeconds(1),
    });

    public void Dispose() => log.Dispose();

    private static EventMessage Letter(int sequence) => new("k", BitConverter.GetBytes(sequence), []);

    private static Task<List<DeliveryReport>> PublishAsync(EmbeddedEventPublisher publisher, int from, int count) =>
        Task.Factory.StartNew(() =>
        {
            var reports = new List<DeliveryReport>();
            for (var i = from; i < from + count; i++)
            {
                publisher.Publish(DeadLetters, Letter(i), reports.Add);
            }
            return reports;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task More_dead_letters_than_the_capacity_never_block_and_the_newest_are_kept()
    {
        using var publisher = log.CreatePublisher();

        var reports = await PublishAsync(publisher, 0, 10).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.All(reports, r => Assert.True(r.Delivered, r.Error));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), reports.Select(r => r.Offset));
        Assert.Equal(0, log.BlockedPublishers(DeadLetters));
        Assert.Equal((7L, 10L), (log.StartOffset(DeadLetters, 0), log.EndOffset(DeadLetters, 0)));
        using var reader = log.CreateConsumer("operator");
        reader.Subscribe(DeadLetters);
        var kept = new[] { reader.Consume(Patience)!, reader.Consume(Patience)!, reader.Consume(Patience)! };
        Assert.Equal([7L, 8L, 9L], kept.Select(k => k.Offset));
        Assert.Equal([7, 8, 9], kept.Select(k => BitConverter.ToInt32(k.Message.Value)));
        Assert.Null(reader.Consume(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_group_that_had_not_read_the_dropped_dead_letters_resumes_at_the_new_oldest_offset()
    {
        using var publisher = log.CreatePublisher();
        using (var recorder = log.CreateConsumer("churn-dead-letters"))
        {
            recorder.Subscribe(DeadLetters);
            await PublishAsync(publisher, 0, 2).WaitAsync(Patience, TestContext.Current.CancellationToken);
            Assert.Equal(0, recorder.Consume(Patience)!.Offset);
            recorder.StoreOffsets([new PartitionOffset(DeadLetters, 0, 1)]);
            recorder.Close();
        }

        var reports = await PublishAsync(publisher, 2, 6).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.All(reports, r => Assert.True(r.Delivered, r.Error));
        Assert.Equal(5, log.StartOffset(DeadLetters, 0));
        Assert.Equal(1, log.CommittedOffset("churn-dead-letters", DeadLetters, 0));
        using var again = log.CreateConsumer("churn-dead-letters");
        again.Subscribe(DeadLetters);
        Assert.Equal([5L, 6L, 7L], new[] { again.Consume(Patience)!.Offset, again.Consume(Patience)!.Offset, again.Consume(Patience)!.Offset });
    }

    [Fact]
    public async Task The_customers_topic_keeps_its_back_pressure()
    {
        using var publisher = log.CreatePublisher();
        var reports = new List<DeliveryReport>();

        await Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 4; i++) publisher.Publish(PipelineTopicsOptions.DefaultCustomers, Letter(i), reports.Add);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal([true, true, true, false], reports.Select(r => r.Delivered));
        Assert.Contains("Timed out", reports[3].Error);
        Assert.Equal(0, log.StartOffset(PipelineTopicsOptions.DefaultCustomers, 0));
    }
}
