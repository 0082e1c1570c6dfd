using System.Text;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Tests.Scoring;

public sealed class ScoringWorkerTests
{
    [Fact]
    public async Task Offsets_are_stored_only_after_the_batch_is_written_and_predictions_carry_the_models_decision()
    {
        await using var h = new WorkerHarness();
        var risky = TestEvents.Event("e-risky", TestCustomers.Typical(serviceCalls: 6, intlPlan: true, churn: true));
        var calm = TestEvents.Event("e-calm", TestCustomers.Typical(serviceCalls: 0, churn: false));
        h.Consumer.Enqueue(TestEvents.Consumed(0, 10, risky), TestEvents.Consumed(0, 11, calm));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 12);

        Assert.True(h.Log.IndexOf(e => e.StartsWith("upsert e-risky")) < h.Log.IndexOf(e => e == "offsets churn.customers[0]=12"));
        Assert.Equal(TestEvents.Topic, h.Consumer.SubscribedTopic);
        var high = h.Store.Predictions["e-risky"];
        Assert.Equal(TestModels.Expected(risky.Customer), high.ChurnProbability, 1e-5);
        Assert.True(high.PredictedChurn);
        Assert.Equal(RiskBand.High, high.RiskBand);
        Assert.Equal("v1", high.ModelVersion);
        Assert.True(high.ActualChurn);
        Assert.Equal(risky.OccurredAt, high.OccurredAt);
        var low = h.Store.Predictions["e-calm"];
        Assert.False(low.PredictedChurn);
        Assert.Equal(RiskBands.For(low.ChurnProbability, 0.3), low.RiskBand);
        Assert.Contains("v1", h.Store.Models.Keys);
    }

    [Fact]
    public async Task A_store_outage_is_retried_without_moving_offsets_and_the_same_batch_is_written_when_it_recovers()
    {
        await using var h = new WorkerHarness();
        h.Store.Failing = true;
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")), TestEvents.Consumed(0, 1, TestEvents.Event("b")));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Store.Attempts >= 3, "three failed writes");
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
        // Only this batch (whole, or halved while looking for a record at fault) is tried; nothing else is read.
        Assert.All(h.Log.Entries.Where(e => e.StartsWith("upsert-failed")), e => Assert.Contains(e, (string[])["upsert-failed a,b", "upsert-failed a", "upsert-failed b"]));

        h.Store.Failing = false;
        h.WaitForStoredOffset(0, 2);

        Assert.Equal(["a", "b"], h.Store.Predictions.Keys.Order());
    }

    [Fact]
    public async Task The_health_check_reports_waiting_consuming_and_stopped()
    {
        await using var h = new WorkerHarness();
        Assert.Equal(HealthStatus.Degraded, h.Status.Check().Status);

        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")));
        await h.StartAsync();
        h.WaitForStoredOffset(0, 1);
        Assert.Equal(HealthStatus.Healthy, h.Status.Check().Status);

        await h.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, h.Status.Check().Status);
    }

    [Fact]
    public async Task A_transport_that_failed_for_good_stops_the_loop_and_turns_the_health_check_unhealthy()
    {
        await using var h = new WorkerHarness();
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")));
        h.Consumer.EnqueueFailure(new TransportFailedException("fenced", new InvalidOperationException("fenced")));

        await h.StartAsync();
        await Eventually.UntilAsync(() => h.Status.Check().Status == HealthStatus.Unhealthy, "the loop stopped (health check unhealthy)",
            TimeSpan.FromSeconds(15), cancellationToken: TestContext.Current.CancellationToken);

        // The record buffered with the failure is neither written nor committed: the next consumer reads it again.
        Assert.Empty(h.Store.Predictions);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
    }

    [Fact]
    public async Task No_offset_moves_past_a_failed_write_even_when_the_worker_stops_during_the_outage()
    {
        await using var h = new WorkerHarness(maxBatchSize: 2);
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")), TestEvents.Consumed(0, 1, TestEvents.Event("b")));
        await h.StartAsync();
        h.WaitForStoredOffset(0, 2);

        h.Store.Failing = true;
        h.Consumer.Enqueue(TestEvents.Consumed(0, 2, TestEvents.Event("c")));
        h.Log.WaitFor(() => h.Log.Entries.Count(e => e == "upsert-failed c") >= 2, "retries of the failing batch");
        await h.StopAsync();

        Assert.Equal(2, h.Consumer.StoredOffset(TestEvents.Topic, 0));
        Assert.True(h.Consumer.Closed);
        Assert.False(h.Store.Predictions.ContainsKey("c"));
    }

    [Fact]
    public async Task A_poison_record_is_dead_lettered_with_its_reason_and_its_offset_moves_only_after_the_delivery_is_confirmed()
    {
        await using var h = new WorkerHarness();
        h.DeadLetters.HoldDeliveries = true;
        var garbage = "{\"eventId\": 42"u8.ToArray();
        h.Consumer.Enqueue(
            TestEvents.Consumed(3, 7, TestEvents.Event("before")),
            TestEvents.Raw(3, 8, garbage),
            TestEvents.Consumed(3, 9, TestEvents.Event("after")));

        await h.StartAsync();
        h.Log.WaitFor(() => h.DeadLetters.PendingCount == 1, "the dead-letter publish");
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 3));

        h.DeadLetters.DeliverPending();
        h.WaitForStoredOffset(3, 10);

        var (topic, message) = Assert.Single(h.DeadLetters.Published);
        Assert.Equal(PipelineTopicsOptions.DefaultDeadLetters, topic);
        Assert.Equal(garbage, message.Value);
        Assert.StartsWith("deserialization failed: invalid JSON", message.Header(EventHeaders.DlqReason));
        Assert.Equal(TestEvents.Topic, message.Header(EventHeaders.DlqSourceTopic));
        Assert.Equal("3", message.Header(EventHeaders.DlqSourcePartition));
        Assert.Equal("8", message.Header(EventHeaders.DlqSourceOffset));
        Assert.Equal(["after", "before"], h.Store.Predictions.Keys.Order());
        Assert.True(h.Log.IndexOf(e => e.StartsWith("delivered")) < h.Log.IndexOf(e => e.StartsWith("offsets")));
    }

    [Fact]
    public async Task A_failed_dead_letter_delivery_is_retried_and_holds_the_offset()
    {
        await using var h = new WorkerHarness();
        h.DeadLetters.FailDeliveries = true;
        h.Consumer.Enqueue(TestEvents.Raw(0, 0, "not json"u8.ToArray()));

        await h.StartAsync();
        h.Log.WaitFor(() => h.Log.Entries.Count(e => e.StartsWith("delivery-failed")) >= 2, "failed deliveries");
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));

        h.DeadLetters.FailDeliveries = false;
        h.WaitForStoredOffset(0, 1);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":2,\"eventId\":\"x\"}", "unsupported schemaVersion 2")]
    [InlineData("null", "value is JSON null")]
    [InlineData("{\"eventId\":\"x\"}", "invalid JSON")]
    public async Task Each_kind_of_poison_gets_a_precise_reason(string value, string reason)
    {
        await using var h = new WorkerHarness();
        h.Consumer.Enqueue(TestEvents.Raw(0, 0, Encoding.UTF8.GetBytes(value)));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 1);

        Assert.Contains(reason, Assert.Single(h.DeadLetters.Published).Message.Header(EventHeaders.DlqReason));
    }

    [Fact]
    public async Task A_record_the_transport_could_not_decode_is_dead_lettered_with_the_transports_reason()
    {
        await using var h = new WorkerHarness();
        var undecodable = TestEvents.Consumed(0, 4, TestEvents.Event("k")) with { PoisonReason = "key is not UTF-8" };
        h.Consumer.Enqueue(undecodable, TestEvents.Consumed(0, 5, TestEvents.Event("fine")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 6);

        Assert.Equal(["fine"], h.Store.Predictions.Keys);
        var dead = Assert.Single(h.DeadLetters.Published).Message;
        Assert.Equal("undecodable record: key is not UTF-8", dead.Header(EventHeaders.DlqReason));
        Assert.Equal(undecodable.Message.Value, dead.Value);
    }

    [Fact]
    public async Task Buffered_records_of_a_revoked_partition_are_dropped_and_never_stored()
    {
        await using var h = new WorkerHarness();
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("kept")), TestEvents.Consumed(1, 0, TestEvents.Event("revoked")));
        h.Consumer.EnqueueRevocation((TestEvents.Topic, 1));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 1);

        Assert.Equal(["kept"], h.Store.Predictions.Keys);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 1));
    }

    [Fact]
    public async Task A_prediction_the_store_refuses_for_good_is_dead_lettered_with_the_stores_reason_and_the_rest_is_written()
    {
        await using var h = new WorkerHarness();
        h.Store.Refusing["bad"] = "document failed validation";
        h.Consumer.Enqueue(
            TestEvents.Consumed(0, 0, TestEvents.Event("ok-1")),
            TestEvents.Consumed(0, 1, TestEvents.Event("bad")),
            TestEvents.Consumed(0, 2, TestEvents.Event("ok-2")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 3);

        Assert.Equal(["ok-1", "ok-2"], h.Store.Predictions.Keys.Order());
        var dead = Assert.Single(h.DeadLetters.Published).Message;
        Assert.Equal("1", dead.Header(EventHeaders.DlqSourceOffset));
        Assert.Equal("store rejected: document failed validation", dead.Header(EventHeaders.DlqReason));
        Assert.Contains("upsert ok-1,ok-2", h.Log.Entries);
    }

    [Fact]
    public async Task A_record_the_model_cannot_score_is_dead_lettered_and_the_rest_of_the_batch_is_written()
    {
        await using var h = new WorkerHarness(new RefusingScorer(TestModelCards.Card("v1")));
        h.Consumer.Enqueue(
            TestEvents.Consumed(0, 0, TestEvents.Event("ok-1")),
            TestEvents.Consumed(0, 1, TestEvents.Event("bad", TestCustomers.Typical() with { AccountLength = 9_999 })),
            TestEvents.Consumed(0, 2, TestEvents.Event("ok-2")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 3);

        Assert.Equal(["ok-1", "ok-2"], h.Store.Predictions.Keys.Order());
        var dead = Assert.Single(h.DeadLetters.Published).Message;
        Assert.Equal("1", dead.Header(EventHeaders.DlqSourceOffset));
        Assert.StartsWith("scoring failed: cannot score an account length of 9999", dead.Header(EventHeaders.DlqReason));
    }

    [Fact]
    public async Task Stopping_finishes_the_current_work_and_closes_the_consumer()
    {
        await using var h = new WorkerHarness();
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")));
        await h.StartAsync();
        h.WaitForStoredOffset(0, 1);

        await h.StopAsync();

        Assert.True(h.Consumer.Closed);
        Assert.Equal("closed", h.Log.Entries[^1]);
    }

    [Fact]
    public async Task An_unexpected_batch_failure_keeps_the_batch_and_retries_it_instead_of_killing_the_worker()
    {
        await using var h = new WorkerHarness(models: scorer => new FailingOnceModelSource(new FixedModelSource(scorer)));
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")), TestEvents.Consumed(0, 1, TestEvents.Event("b")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 2);

        Assert.Equal(["a", "b"], h.Store.Predictions.Keys.Order());
    }

    /// <summary>The first Acquire throws, as an unforeseen bug would.</summary>
    private sealed class FailingOnceModelSource(IModelSource inner) : IModelSource
    {
        private int _calls;

        public Task WaitForModelAsync(CancellationToken cancellationToken) => inner.WaitForModelAsync(cancellationToken);

        public ModelLease Acquire() =>
            Interlocked.Increment(ref _calls) == 1 ? throw new InvalidOperationException("unforeseen") : inner.Acquire();
    }

    /// <summary>Throws for any batch containing state "XX", as a graph rejecting one bad row would.</summary>
    private sealed class RefusingScorer(ModelCard card) : IChurnScorer
    {
        public ModelCard Card => card;

        public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                if (customers[i].AccountLength == 9_999)
                {
                    throw new InvalidOperationException("cannot score an account length of 9999");
                }
                probabilities[i] = 0.1f;
            }
        }
    }
}
