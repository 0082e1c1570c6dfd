using Churn.Core.Storage;
using Churn.Domain.Predictions;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

public abstract partial class PredictionStoreContract
{
    /// <summary>
    /// Five customers, two of them scored more than once: c-a rose (0.30 → 0.85), c-b fell (0.95 → 0.10), so only the
    /// latest prediction of each counts. Latest probabilities: c-a 0.85, c-b 0.10, c-c 0.60, c-d 0.40, c-e 0.20.
    /// </summary>
    private async Task<IPredictionStore> OpenWithRescoredCustomersAsync()
    {
        var store = await OpenAsync();
        await store.UpsertAsync(
        [
            Prediction("a-old", probability: 0.30, scoredAt: Now.AddHours(-3), customerId: "c-a"),
            Prediction("a-new", probability: 0.85, scoredAt: Now.AddHours(-1), customerId: "c-a"),
            Prediction("b-old", probability: 0.95, scoredAt: Now.AddHours(-2), customerId: "c-b"),
            Prediction("b-new", probability: 0.10, scoredAt: Now.AddMinutes(-5), customerId: "c-b"),
            Prediction("c", probability: 0.60, scoredAt: Now.AddMinutes(-30), customerId: "c-c"),
            Prediction("d", probability: 0.40, scoredAt: Now.AddMinutes(-20), customerId: "c-d"),
            Prediction("e", probability: 0.20, scoredAt: Now.AddMinutes(-10), customerId: "c-e"),
        ], Ct);
        return store;
    }

    [Fact]
    public async Task The_highest_current_predictions_are_each_customers_latest_above_the_cut_highest_first()
    {
        var store = await OpenWithRescoredCustomersAsync();

        var ranked = await store.GetHighestCurrentAsync(0.15, 10, Ct);

        // b-old (0.95) is the highest probability stored, but c-b's latest is 0.10: it is not a campaign's customer.
        Assert.Equal(["a-new", "c", "d", "e"], ranked.Select(p => p.EventId));
        Assert.Equal(await store.GetAsync("a-new", Ct), ranked[0]);
    }

    [Fact]
    public async Task The_highest_current_predictions_stop_at_the_limit_and_the_cut_is_exclusive()
    {
        var store = await OpenWithRescoredCustomersAsync();

        Assert.Equal(["a-new", "c"], (await store.GetHighestCurrentAsync(0.15, 2, Ct)).Select(p => p.EventId));
        Assert.Equal(["a-new", "c"], (await store.GetHighestCurrentAsync(0.40, 10, Ct)).Select(p => p.EventId));
        Assert.Empty(await store.GetHighestCurrentAsync(0.85, 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetHighestCurrentAsync(0.15, 0, Ct));
    }

    [Fact]
    public async Task A_customer_rescored_below_the_cut_leaves_the_ranking_and_one_rescored_above_joins_it()
    {
        var store = await OpenWithRescoredCustomersAsync();
        await store.UpsertAsync(
        [
            Prediction("c-newer", probability: 0.05, scoredAt: Now, customerId: "c-c"),
            Prediction("b-newest", probability: 0.70, scoredAt: Now, customerId: "c-b"),
        ], Ct);

        Assert.Equal(["a-new", "b-newest", "d", "e"], (await store.GetHighestCurrentAsync(0.15, 10, Ct)).Select(p => p.EventId));
    }

    [Fact]
    public async Task Stats_count_each_customer_once_by_their_latest_prediction_and_the_contactable_ones_above_the_cut()
    {
        var store = await OpenWithRescoredCustomersAsync();

        var current = (await store.GetStatsAsync(new StatsQuery { ContactAbove = 0.4 }, Ct)).Current!;

        Assert.Equal((5L, 0.4, 2L), (current.Customers, current.ContactAbove, current.Contactable));
        Assert.Equal(0.85 + 0.10 + 0.60 + 0.40 + 0.20, current.ProbabilitySum, 12);
        Assert.Equal(0.85 + 0.60, current.ContactableProbabilitySum, 12);
        Assert.Equal(7, (await store.GetStatsAsync(new StatsQuery(), Ct)).Total); // the other figures still count every prediction
    }

    [Fact]
    public async Task Current_risk_of_an_empty_store_is_zero_and_nobody_is_ranked()
    {
        var store = await OpenAsync();

        Assert.Equal(new CurrentRisk(0, 0, 0.2, 0, 0), (await store.GetStatsAsync(new StatsQuery { ContactAbove = 0.2 }, Ct)).Current);
        Assert.Empty(await store.GetHighestCurrentAsync(0, 10, Ct));
    }
}
