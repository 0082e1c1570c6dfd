using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

public abstract partial class PredictionStoreContract
{
    [Fact]
    public async Task The_latest_predictions_are_the_most_recently_scored_newest_first_up_to_the_limit()
    {
        var store = await OpenAsync();
        await store.UpsertAsync(
        [
            .. Enumerable.Range(0, 30).Select(i => Prediction($"e{i:D2}", scoredAt: Now.AddSeconds(-i), actual: i % 3 == 0 ? i % 2 == 0 : null)),
        ], Ct);
        // A replay scores an old event again: it becomes one of the newest.
        await store.UpsertAsync([Prediction("e29", scoredAt: Now.AddSeconds(1), probability: 0.9)], Ct);

        var latest = await store.GetLatestAsync(5, labelledOnly: false, Ct);
        Assert.Equal(["e29", "e00", "e01", "e02", "e03"], latest.Select(p => p.EventId));
        Assert.Equal(0.9, latest[0].ChurnProbability);
        Assert.Equal(Prediction("e01", scoredAt: Now.AddSeconds(-1)), latest[2]); // every field, the customer record too

        var all = await store.GetLatestAsync(1000, labelledOnly: false, Ct);
        Assert.Equal(30, all.Count);
        Assert.Equal(all.OrderByDescending(p => p.ScoredAt).Select(p => p.EventId), all.Select(p => p.EventId));
    }

    [Fact]
    public async Task The_latest_labelled_predictions_skip_the_unlabelled_ones()
    {
        var store = await OpenAsync();
        await store.UpsertAsync(
        [
            .. Enumerable.Range(0, 30).Select(i => Prediction($"e{i:D2}", scoredAt: Now.AddSeconds(-i), actual: i % 3 == 0 ? i % 2 == 0 : null)),
        ], Ct);

        var labelled = await store.GetLatestAsync(4, labelledOnly: true, Ct);

        Assert.Equal(["e00", "e03", "e06", "e09"], labelled.Select(p => p.EventId));
        Assert.Equal([true, false, true, false], labelled.Select(p => p.ActualChurn));
        Assert.Equal(10, (await store.GetLatestAsync(100, labelledOnly: true, Ct)).Count);
        Assert.Empty(await (await OpenAsync()).GetLatestAsync(10, labelledOnly: true, Ct));
    }
}
