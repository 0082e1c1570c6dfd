using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Scoring;

/// <summary>
/// The worker's two stages: the next batch is read and scored while the previous one is written, and still every
/// offset is stored only after its batch's write, batches are written in the order they were consumed, and a
/// revocation or a failure never lets an offset pass an unwritten record.
/// </summary>
public sealed class ScoringWorkerStagesTests
{
    [Fact]
    public async Task The_next_batch_is_scored_while_the_previous_one_is_written_and_offsets_follow_the_writes_in_order()
    {
        var scorer = new LoggingScorer(new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1", threshold: 0.3)));
        await using var h = new WorkerHarness(scorer, maxBatchSize: 2);
        scorer.Log = h.Log;
        using var gate = new SemaphoreSlim(0);
        h.Store.Gate = gate;
        h.Consumer.Enqueue(Records(0, "a", "b", "c", "d"));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Log.Entries.Count(e => e == "scored 2") == 2 && h.Log.Entries.Contains("upsert-waiting a,b"),
            "the second batch scored while the first one's write waits");

        // The first write is still waiting: nothing is stored and no offset has moved.
        Assert.Empty(h.Store.Predictions);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));

        gate.Release(2);
        h.WaitForStoredOffset(0, 4);
        Assert.True(h.Log.IndexOf(e => e == "upsert a,b") < h.Log.IndexOf(e => e == "offsets churn.customers[0]=2"));
        Assert.True(h.Log.IndexOf(e => e == "offsets churn.customers[0]=2") < h.Log.IndexOf(e => e == "upsert-waiting c,d"));
        Assert.True(h.Log.IndexOf(e => e == "upsert c,d") < h.Log.IndexOf(e => e == "offsets churn.customers[0]=4"));
        Assert.Equal(["a", "b", "c", "d"], h.Store.Predictions.Keys.Order());
    }

    [Fact]
    public async Task A_batch_consumed_during_a_store_outage_is_written_only_after_the_batch_before_it()
    {
        await using var h = new WorkerHarness(maxBatchSize: 2);
        h.Store.Failing = true;
        h.Consumer.Enqueue(Records(0, "a", "b", "c", "d"));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Store.Attempts >= 4, "four failed writes");
        Assert.DoesNotContain(h.Log.Entries, e => e.StartsWith("upsert-failed c", StringComparison.Ordinal));
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));

        h.Store.Failing = false;
        h.WaitForStoredOffset(0, 4);
        Assert.True(h.Log.IndexOf(e => e == "upsert a,b") < h.Log.IndexOf(e => e == "upsert c,d"));
        Assert.True(h.Log.IndexOf(e => e == "offsets churn.customers[0]=2") < h.Log.IndexOf(e => e == "upsert c,d"));
        Assert.Equal(["a", "b", "c", "d"], h.Store.Predictions.Keys.Order());
    }

    [Fact]
    public async Task A_batch_that_fails_while_the_one_before_it_is_written_is_retried_after_it_and_nothing_is_skipped()
    {
        FailingSecondAcquire? source = null;
        await using var h = new WorkerHarness(maxBatchSize: 2, models: scorer => source = new FailingSecondAcquire(new FixedModelSource(scorer)));
        using var gate = new SemaphoreSlim(0);
        h.Store.Gate = gate;
        h.Consumer.Enqueue(Records(0, "a", "b", "c", "d"));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Log.Entries.Contains("upsert-waiting a,b"), "the first write started");
        gate.Release(10);
        h.WaitForStoredOffset(0, 4);

        Assert.True(source!.Failed, "the second batch's preparation failed once");
        Assert.True(h.Log.IndexOf(e => e == "offsets churn.customers[0]=2") < h.Log.IndexOf(e => e == "upsert c,d"));
        Assert.Equal(["a", "b", "c", "d"], h.Store.Predictions.Keys.Order());
    }

    [Fact]
    public async Task On_revocation_the_write_in_flight_is_finished_and_stored_and_the_unwritten_records_of_the_revoked_partition_are_dropped()
    {
        await using var h = new WorkerHarness(maxBatchSize: 2);
        using var gate = new SemaphoreSlim(0);
        h.Store.Gate = gate;
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")), TestEvents.Consumed(1, 0, TestEvents.Event("b")),
            TestEvents.Consumed(1, 1, TestEvents.Event("c")));
        h.Consumer.EnqueueRevocation((TestEvents.Topic, 1));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Log.Entries.Contains("revoked (churn.customers, 1)"), "the revocation");
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 1));
        gate.Release(10);
        h.WaitForStoredOffset(1, 1);

        // b was in the write in flight: written, and its offset stored before the revocation returned (while the
        // partition was still this member's); c, consumed after it, is dropped.
        h.Log.WaitFor(() => h.Log.Entries.Contains("revocation handled (churn.customers, 1)"), "the revocation handled");
        Assert.True(h.Log.IndexOf(e => e == "offsets churn.customers[1]=1") < h.Log.IndexOf(e => e == "revocation handled (churn.customers, 1)"));
        h.WaitForStoredOffset(0, 1);
        Assert.Equal(["a", "b"], h.Store.Predictions.Keys.Order());
        Assert.Equal(1, h.Consumer.StoredOffset(TestEvents.Topic, 1));
    }

    private static Churn.Core.Transport.ConsumedEvent[] Records(int partition, params string[] ids) =>
        [.. ids.Select((id, offset) => TestEvents.Consumed(partition, offset, TestEvents.Event(id)))];

    /// <summary>Logs the size of every batch it scores.</summary>
    private sealed class LoggingScorer(IChurnScorer inner) : IChurnScorer
    {
        public PipelineLog? Log { get; set; }

        public ModelCard Card => inner.Card;

        public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
        {
            inner.Score(customers, probabilities);
            Log?.Add($"scored {customers.Length}");
        }
    }

    /// <summary>The second Acquire throws (the second batch's preparation fails once, as an unforeseen bug would).</summary>
    private sealed class FailingSecondAcquire(IModelSource inner) : IModelSource
    {
        private int _calls;

        public bool Failed => Volatile.Read(ref _calls) > 2;

        public Task WaitForModelAsync(CancellationToken cancellationToken) => inner.WaitForModelAsync(cancellationToken);

        public ModelLease Acquire() =>
            Interlocked.Increment(ref _calls) == 2 ? throw new InvalidOperationException("unforeseen") : inner.Acquire();
    }
}
