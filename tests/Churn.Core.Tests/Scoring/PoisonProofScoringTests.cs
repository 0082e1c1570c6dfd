using System.Text;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Domain.Events;
using Churn.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Tests.Scoring;

/// <summary>
/// One record can never stop the stream: whatever is wrong with it (its JSON, its values, a document the store cannot
/// build) it is dead-lettered with a precise reason and the rest of its batch is written. But a batch that fails as a
/// whole is an outage, retried with offsets held, never a mass dead-letter.
/// </summary>
public sealed class PoisonProofScoringTests
{
    [Theory]
    [InlineData("\"source\":\"test\"", "\"source\":null", "deserialization failed")]
    [InlineData("\"accountLength\":100", "\"accountLength\":\"100\"", "deserialization failed")]
    [InlineData("\"totalDayMinutes\":180", "\"totalDayMinutes\":\"NaN\"", "deserialization failed")]
    [InlineData("\"totalDayCalls\":100", "\"totalDayCalls\":-3", "invalid event: Total day calls: -3 is negative")]
    [InlineData("\"state\":\"KS\"", "\"state\":\"ks\"", "invalid event: State: 'ks' is not an upper-case")]
    [InlineData("\"customerId\":\"cust-x\"", "\"customerId\":\"cust/x\"", "invalid event: customerId 'cust/x'")]
    public async Task An_event_that_breaks_the_contract_is_dead_lettered_with_the_broken_rule_and_the_rest_is_written(
        string valid, string broken, string reason)
    {
        await using var h = new WorkerHarness();
        var json = Encoding.UTF8.GetString(CustomerEventJson.Serialize(TestEvents.Event("x") with
        {
            Customer = TestCustomers.Typical() with { AccountLength = 100, TotalDayMinutes = 180, TotalDayCalls = 100 },
        }));
        Assert.Contains(valid, json);
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("before")),
            TestEvents.Raw(0, 1, Encoding.UTF8.GetBytes(json.Replace(valid, broken))),
            TestEvents.Consumed(0, 2, TestEvents.Event("after")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 3);

        Assert.Equal(["after", "before"], h.Store.Predictions.Keys.Order());
        Assert.StartsWith(reason, Assert.Single(h.DeadLetters.Published).Message.Header(EventHeaders.DlqReason));
    }

    [Fact]
    public async Task A_record_whose_document_the_store_cannot_build_is_isolated_by_bisection_and_dead_lettered_while_the_rest_is_written()
    {
        await using var h = new WorkerHarness();
        h.Store.Breaking["e6"] = "Object reference not set to an instance of an object.";
        h.Consumer.Enqueue([.. Enumerable.Range(0, 10).Select(i => TestEvents.Consumed(0, i, TestEvents.Event($"e{i}")))]);

        await h.StartAsync();
        h.WaitForStoredOffset(0, 10);

        Assert.Equal(9, h.Store.Predictions.Count);
        Assert.DoesNotContain("e6", h.Store.Predictions.Keys);
        var letter = Assert.Single(h.DeadLetters.Published).Message;
        Assert.Equal("6", letter.Header(EventHeaders.DlqSourceOffset));
        Assert.Equal("store failed: Object reference not set to an instance of an object.", letter.Header(EventHeaders.DlqReason));
    }

    [Fact]
    public async Task A_batch_the_store_refuses_mostly_is_an_outage_retried_with_offsets_held_not_a_mass_dead_letter()
    {
        await using var h = new WorkerHarness();
        foreach (var i in Enumerable.Range(0, 6))
        {
            h.Store.Refusing[$"e{i}"] = "document failed validation";
        }
        h.Consumer.Enqueue([.. Enumerable.Range(0, 10).Select(i => TestEvents.Consumed(0, i, TestEvents.Event($"e{i}")))]);

        await h.StartAsync();
        h.Log.WaitFor(() => h.Store.Attempts >= 5, "the batch retried");

        Assert.Empty(h.DeadLetters.Published);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
        Assert.Equal(HealthStatus.Degraded, h.Status.Check().Status);

        h.Store.Refusing.Clear();   // the operator fixes the collection's validator
        h.WaitForStoredOffset(0, 10);
        Assert.Equal(10, h.Store.Predictions.Count);
        Assert.Equal(HealthStatus.Healthy, h.Status.Check().Status);
    }

    [Fact]
    public async Task A_batch_every_record_of_which_breaks_the_store_is_retried_not_dead_lettered()
    {
        await using var h = new WorkerHarness();
        foreach (var i in Enumerable.Range(0, 4))
        {
            h.Store.Breaking[$"e{i}"] = "serializer misconfigured";
        }
        h.Consumer.Enqueue([.. Enumerable.Range(0, 4).Select(i => TestEvents.Consumed(0, i, TestEvents.Event($"e{i}")))]);

        await h.StartAsync();
        h.Log.WaitFor(() => h.Store.Attempts >= 12, "the batch and its halves retried");

        Assert.Empty(h.DeadLetters.Published);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
        Assert.Equal(HealthStatus.Degraded, h.Status.Check().Status);
    }

    [Fact]
    public async Task A_model_that_fails_most_of_a_batch_is_a_batch_failure_not_a_mass_dead_letter()
    {
        await using var h = new WorkerHarness(scorer: new NanScorer(TestModelCards.Card("v-nan", threshold: 0.3)));
        h.Consumer.Enqueue([.. Enumerable.Range(0, 5).Select(i => TestEvents.Consumed(0, i, TestEvents.Event($"e{i}")))]);

        await h.StartAsync();
        await Eventually.UntilAsync(() => h.Status.Check().Status == HealthStatus.Degraded, "the worker degraded",
            TimeSpan.FromSeconds(15), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(h.DeadLetters.Published);
        Assert.Empty(h.Store.Predictions);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
    }

    [Fact]
    public async Task Stopping_while_the_store_hangs_cancels_the_write_closes_the_consumer_and_commits_nothing_unwritten()
    {
        await using var h = new WorkerHarness();
        h.Store.Hanging = true;
        h.Consumer.Enqueue(TestEvents.Consumed(0, 0, TestEvents.Event("a")));
        await h.StartAsync();
        h.Log.WaitFor(() => h.Log.Entries.Contains("upsert-hanging a"), "the write hanging");

        await h.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(h.Consumer.Closed);
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));
        Assert.Empty(h.Store.Predictions);
    }
}
