using Churn.Core.Storage;
using Churn.Domain.Challenger;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IShadowPredictionStore"/> must do, run against each implementation on a fresh, empty store
/// (which also serves the predictions its pairs are joined with).
/// </summary>
public abstract class ShadowPredictionStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty, initialised store (skips the test when the implementation's server is not configured).</summary>
    protected abstract Task<(IPredictionStore Predictions, IShadowPredictionStore Shadow)> OpenStoreAsync();

    internal static ShadowPrediction Shadow(string eventId, string version = "challenger-v1", double probability = 0.6,
        DateTimeOffset? scoredAt = null, bool? actual = null, double threshold = 0.5) => new()
    {
        EventId = eventId, CustomerId = $"customer-{eventId}", ModelVersion = version, ChampionVersion = "2026.01.01-abc",
        ChurnProbability = probability, PredictedChurn = probability >= threshold, ActualChurn = actual,
        OccurredAt = (scoredAt ?? Now).AddMilliseconds(-250), ScoredAt = scoredAt ?? Now,
    };

    [Fact]
    public async Task Writing_a_shadow_prediction_again_leaves_one_with_the_latest_values_and_never_touches_the_predictions()
    {
        var (predictions, store) = await OpenStoreAsync();
        await predictions.UpsertAsync([Prediction("e1", probability: 0.2)], Ct);
        await store.UpsertShadowAsync([Shadow("e1", probability: 0.3)], Ct);
        var rescored = Shadow("e1", probability: 0.7, scoredAt: Now.AddSeconds(5));
        await store.UpsertShadowAsync([rescored], Ct);
        await store.UpsertShadowAsync([rescored], Ct);

        Assert.Equal(1, await store.CountShadowAsync("challenger-v1", Ct));
        var pair = Assert.Single(await store.GetShadowPairsAsync("challenger-v1", 10, Ct));
        Assert.Equal((0.7, true, Now.AddSeconds(5)), (pair.ChallengerProbability, pair.ChallengerChurn, pair.ScoredAt));
        Assert.Equal(1, await predictions.CountAsync(Ct));
        Assert.Equal(Prediction("e1", probability: 0.2), await predictions.GetAsync("e1", Ct));
        Assert.Equal(1, (await predictions.QueryAsync(new Domain.Predictions.PredictionQuery(), Ct)).Total);
    }

    [Fact]
    public async Task A_late_write_of_an_older_shadow_prediction_never_replaces_a_newer_one()
    {
        var (predictions, store) = await OpenStoreAsync();
        await predictions.UpsertAsync([Prediction("e1"), Prediction("e2")], Ct);
        await store.UpsertShadowAsync([Shadow("e1", probability: 0.9, scoredAt: Now.AddMinutes(10))], Ct);

        await store.UpsertShadowAsync([Shadow("e1", probability: 0.1, scoredAt: Now), Shadow("e2")], Ct);

        var pairs = (await store.GetShadowPairsAsync("challenger-v1", 10, Ct)).ToDictionary(p => p.EventId);
        Assert.Equal(0.9, pairs["e1"].ChallengerProbability);
        Assert.Equal(0.6, pairs["e2"].ChallengerProbability);
    }

    [Fact]
    public async Task Shadow_predictions_are_kept_per_challenger_version()
    {
        var (predictions, store) = await OpenStoreAsync();
        await predictions.UpsertAsync([Prediction("e1")], Ct);

        await store.UpsertShadowAsync([Shadow("e1", "challenger-v1", 0.3), Shadow("e1", "challenger-v2", 0.8)], Ct);

        Assert.Equal(1, await store.CountShadowAsync("challenger-v1", Ct));
        Assert.Equal(1, await store.CountShadowAsync("challenger-v2", Ct));
        Assert.Equal(0.3, Assert.Single(await store.GetShadowPairsAsync("challenger-v1", 10, Ct)).ChallengerProbability);
        Assert.Equal(0.8, Assert.Single(await store.GetShadowPairsAsync("challenger-v2", 10, Ct)).ChallengerProbability);
        Assert.Equal(0, await store.CountShadowAsync("no-such-version", Ct));
        Assert.Empty(await store.GetShadowPairsAsync("no-such-version", 10, Ct));
    }

    [Fact]
    public async Task A_pair_joins_the_stored_prediction_of_the_same_event_with_every_field_as_written()
    {
        var (predictions, store) = await OpenStoreAsync();
        var served = Prediction("e1", probability: 0.42, actual: true) with { ModelVersion = "champion-v7" };
        await predictions.UpsertAsync([served, Prediction("e2", probability: 0.05, actual: null)], Ct);
        var shadow = Shadow("e1", probability: 0.61, scoredAt: Now.AddMilliseconds(37), actual: true);

        await store.UpsertShadowAsync([shadow, Shadow("e2", probability: 0.07, actual: null), Shadow("no-served-prediction")], Ct);

        var pairs = (await store.GetShadowPairsAsync("challenger-v1", 10, Ct)).ToDictionary(p => p.EventId);
        Assert.Equal(new ShadowPair("e1", "champion-v7", 0.42, false, 0.61, true, true, Now.AddMilliseconds(37)), pairs["e1"]);
        Assert.Null(pairs["e2"].ActualChurn);
        Assert.Equal(2, pairs.Count); // a shadow prediction whose event has no stored prediction has nothing to compare with
        Assert.Equal(3, await store.CountShadowAsync("challenger-v1", Ct));
    }

    [Fact]
    public async Task The_window_is_the_most_recent_shadow_predictions_newest_first()
    {
        var (predictions, store) = await OpenStoreAsync();
        var ids = Enumerable.Range(0, 30).Select(i => $"w{i:00}").ToList();
        await predictions.UpsertAsync([.. ids.Select(id => Prediction(id))], Ct);
        await store.UpsertShadowAsync([.. ids.Select((id, i) => Shadow(id, scoredAt: Now.AddSeconds(i % 10)))], Ct);

        var window = await store.GetShadowPairsAsync("challenger-v1", 7, Ct);

        // Scored at +9 s: w09, w19, w29; +8 s: w08, w18, w28; +7 s: the newest id first.
        Assert.Equal(["w29", "w19", "w09", "w28", "w18", "w08", "w27"], window.Select(p => p.EventId));
    }

    [Fact]
    public async Task An_empty_batch_is_a_no_op()
    {
        var (_, store) = await OpenStoreAsync();

        await store.UpsertShadowAsync([], Ct);

        Assert.Equal(0, await store.CountShadowAsync("challenger-v1", Ct));
    }
}
