using Churn.Core.Storage;
using Churn.Domain.Predictions;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

public abstract partial class PredictionStoreContract
{
    private async Task<IPredictionStore> OpenWithFixtureAsync()
    {
        var store = await OpenAsync();
        await store.UpsertAsync(StatsFixture(), Ct);
        return store;
    }

    public static TheoryData<string, PredictionQuery, string[]> Filters => new()
    {
        { "state", new PredictionQuery { State = "CA" }, ["e1", "e2", "e3"] },
        { "risk band", new PredictionQuery { RiskBand = RiskBand.High }, ["e1", "e2", "e5", "e7"] },
        { "medium band", new PredictionQuery { RiskBand = RiskBand.Medium }, ["e3"] },
        { "not predicted", new PredictionQuery { PredictedChurn = false }, ["e3", "e4", "e6"] },
        { "min probability (inclusive)", new PredictionQuery { MinProbability = 0.55 }, ["e1", "e2", "e5", "e7"] },
        { "from inclusive, to exclusive", new PredictionQuery { From = Now.AddSeconds(-80), To = Now.AddSeconds(-10) }, ["e2", "e3", "e4"] },
        { "customer", new PredictionQuery { CustomerId = "customer-e4" }, ["e4"] },
        { "combined", new PredictionQuery { State = "CA", PredictedChurn = true, MinProbability = 0.9 }, ["e1"] },
        { "nothing matches", new PredictionQuery { State = "ZZ" }, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Query_filters_narrow_the_predictions_and_the_total(string filter, PredictionQuery query, string[] expected)
    {
        var store = await OpenWithFixtureAsync();
        var page = await store.QueryAsync(query, Ct);
        Assert.True(expected.Order().SequenceEqual(page.Items.Select(p => p.EventId).Order()), filter);
        Assert.Equal(expected.Length, page.Total);
    }

    [Theory]
    [InlineData(PredictionSort.ScoredAtDesc, new[] { "e1", "e2", "e3", "e4", "e5", "e7", "e6" })]
    [InlineData(PredictionSort.ScoredAtAsc, new[] { "e6", "e7", "e5", "e4", "e3", "e2", "e1" })]
    [InlineData(PredictionSort.ProbabilityDesc, new[] { "e7", "e1", "e2", "e5", "e3", "e6", "e4" })]
    [InlineData(PredictionSort.ProbabilityAsc, new[] { "e4", "e6", "e3", "e5", "e2", "e1", "e7" })]
    public async Task Query_sorts(PredictionSort sort, string[] expected)
    {
        var store = await OpenWithFixtureAsync();
        var page = await store.QueryAsync(new PredictionQuery { Sort = sort }, Ct);
        Assert.Equal(expected, page.Items.Select(p => p.EventId));
    }

    [Fact]
    public async Task Query_pages_through_the_sorted_results_with_the_full_total()
    {
        var store = await OpenWithFixtureAsync();
        async Task<PredictionPage> Page(int n) => await store.QueryAsync(new PredictionQuery { Page = n, PageSize = 3 }, Ct);

        var second = await Page(2);
        Assert.Equal(["e4", "e5", "e7"], second.Items.Select(p => p.EventId));
        Assert.Equal((7L, 2, 3), (second.Total, second.Page, second.PageSize));
        Assert.Equal(["e6"], (await Page(3)).Items.Select(p => p.EventId));
        var beyond = await Page(4);
        Assert.Empty(beyond.Items);
        Assert.Equal(7, beyond.Total);
    }

    [Fact]
    public async Task Query_caps_the_page_size_and_rejects_nonsense_paging()
    {
        var store = await OpenAsync();
        await store.UpsertAsync([.. Enumerable.Range(0, 250).Select(i => Prediction($"p{i}", scoredAt: Now.AddSeconds(-i)))], Ct);

        var page = await store.QueryAsync(new PredictionQuery { PageSize = 1000 }, Ct);

        Assert.Equal(PredictionQuery.MaxPageSize, page.PageSize);
        Assert.Equal(PredictionQuery.MaxPageSize, page.Items.Count);
        Assert.Equal(250, page.Total);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(new PredictionQuery { Page = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(new PredictionQuery { PageSize = 0 }, Ct));
    }
}
