using System.Text.Json;
using Churn.Core.Storage;
using Churn.Testing;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IPredictionStore"/> must do, run against each implementation. Each test opens a fresh,
/// empty store whose clock reads <see cref="PredictionFixtures.Now"/>.
/// </summary>
public abstract partial class PredictionStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty, initialised store (skips the test when the implementation's server is not configured).</summary>
    protected abstract Task<IPredictionStore> OpenStoreAsync(TimeProvider time);

    private Task<IPredictionStore> OpenAsync() => OpenStoreAsync(new FixedTimeProvider(Now));

    [Fact]
    public async Task Upserting_the_same_event_twice_leaves_one_prediction_with_the_latest_values()
    {
        var store = await OpenAsync();
        await store.UpsertAsync([Prediction("e1", probability: 0.2)], Ct);
        var rescored = Prediction("e1", probability: 0.9) with { ModelVersion = "v2" };
        await store.UpsertAsync([rescored], Ct);
        await store.UpsertAsync([rescored], Ct);

        Assert.Equal(1, await store.CountAsync(Ct));
        Assert.Equal(rescored, await store.GetAsync("e1", Ct));
    }

    [Fact]
    public async Task A_late_write_of_an_older_prediction_never_replaces_a_newer_one_and_the_rest_of_its_batch_is_written()
    {
        var store = await OpenAsync();
        var scoredAt = Prediction("e1").ScoredAt;
        var newer = Prediction("e1", probability: 0.9) with { ModelVersion = "v2", ScoredAt = scoredAt.AddMinutes(10) };
        await store.UpsertAsync([newer], Ct);

        // A member evicted during a long outage retries its batch, scored earlier by the model it had then.
        var late = Prediction("e1", probability: 0.2) with { ModelVersion = "v1", ScoredAt = scoredAt };
        await store.UpsertAsync([late, Prediction("e2")], Ct);

        Assert.Equal(newer, await store.GetAsync("e1", Ct));
        Assert.NotNull(await store.GetAsync("e2", Ct));
        Assert.Equal(2, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task A_batch_of_distinct_events_is_stored_once_each_even_when_replayed()
    {
        var store = await OpenAsync();
        var batch = Enumerable.Range(0, 1000).Select(i => Prediction($"batch-{i}", probability: i / 1000.0)).ToList();

        await store.UpsertAsync(batch, Ct);
        await store.UpsertAsync(batch, Ct);

        Assert.Equal(1000, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task Get_returns_every_field_as_written_and_null_for_an_unknown_id()
    {
        var store = await OpenAsync();
        var labelled = Prediction("e1", "TX", 0.73, Now.AddMinutes(-3), actual: true, customerId: "c-42");
        var unlabelled = Prediction("e2", "NY", 0.01, Now, actual: null);
        await store.UpsertAsync([labelled, unlabelled], Ct);

        Assert.Equal(labelled, await store.GetAsync("e1", Ct));
        Assert.True((await store.GetAsync("e1", Ct))!.ActualChurn);
        Assert.Equal(unlabelled, await store.GetAsync("e2", Ct));
        Assert.Null((await store.GetAsync("e2", Ct))!.ActualChurn);
        Assert.Null(await store.GetAsync("no-such-event", Ct));
    }

    [Fact]
    public async Task Reasons_are_stored_with_their_prediction_and_a_prediction_without_them_reads_back_without()
    {
        var store = await OpenAsync();
        var explained = Prediction("e1", "TX", 0.73, Now, customerId: "c-7", reasons: StoredReasons());
        var unexplained = Prediction("e2", "TX", 0.21, Now.AddSeconds(1), customerId: "c-7");
        await store.UpsertAsync([explained, unexplained], Ct);

        var stored = await store.GetAsync("e1", Ct);
        Assert.Equal(explained, stored);
        Assert.Equal(StoredReasons().Top, stored!.Reasons!.Top);
        Assert.Null((await store.GetAsync("e2", Ct))!.Reasons);
        Assert.Equal([null, explained.Reasons], (await store.GetCustomerHistoryAsync("c-7", 10, Ct)).Select(p => p.Reasons));
        Assert.Equal(explained.Reasons, (await store.QueryAsync(new Churn.Domain.Predictions.PredictionQuery { Sort = Churn.Domain.Predictions.PredictionSort.ScoredAtAsc }, Ct)).Items[0].Reasons);

        // A newer write replaces the reasons too, also with none.
        await store.UpsertAsync([explained with { ScoredAt = Now.AddSeconds(5), Reasons = null }], Ct);
        Assert.Null((await store.GetAsync("e1", Ct))!.Reasons);
    }

    [Fact]
    public async Task An_empty_batch_is_a_no_op()
    {
        var store = await OpenAsync();
        await store.UpsertAsync([], Ct);
        Assert.Equal(0, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task Customer_history_is_newest_first_and_limited_to_that_customer()
    {
        var store = await OpenAsync();
        await store.UpsertAsync(
        [
            Prediction("old", scoredAt: Now.AddDays(-2), customerId: "c-1"),
            Prediction("newest", scoredAt: Now, customerId: "c-1"),
            Prediction("middle", scoredAt: Now.AddHours(-1), customerId: "c-1"),
            Prediction("other", scoredAt: Now.AddMinutes(-1), customerId: "c-2"),
        ], Ct);

        var history = await store.GetCustomerHistoryAsync("c-1", 10, Ct);
        Assert.Equal(["newest", "middle", "old"], history.Select(p => p.EventId));
        var latestTwo = await store.GetCustomerHistoryAsync("c-1", 2, Ct);
        Assert.Equal(["newest", "middle"], latestTwo.Select(p => p.EventId));
        Assert.Empty(await store.GetCustomerHistoryAsync("nobody", 10, Ct));
    }

    [Fact]
    public async Task Registering_a_model_is_idempotent_by_version_and_models_are_listed_newest_first()
    {
        var store = await OpenAsync();
        await store.RegisterModelAsync(TestModelCards.Card("v1", Now.AddDays(-1), threshold: 0.4), Ct);
        var v1Again = TestModelCards.Card("v1", Now.AddDays(-1), threshold: 0.45);
        await store.RegisterModelAsync(v1Again, Ct);
        var v2 = TestModelCards.Card("v2", Now);
        await store.RegisterModelAsync(v2, Ct);

        var models = await store.GetModelsAsync(Ct);

        Assert.Equal(["v2", "v1"], models.Select(m => m.Version));
        Assert.Equal(JsonSerializer.Serialize(v2), JsonSerializer.Serialize(models[0]));
        Assert.Equal(JsonSerializer.Serialize(v1Again), JsonSerializer.Serialize(models[1]));
    }
}
