using Churn.Api.Contracts;
using Churn.Api.Tests.Doubles;
using Churn.Core.Models;
using Churn.Core.Pipeline;

namespace Churn.Api.Tests;

public sealed class ModelsAndStatsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Model_returns_the_serving_card()
    {
        var card = await (await client.Get("/api/model")).Read<ModelCard>();
        Assert.Equal("test-1", card.Version);
        Assert.Equal(0.5, card.Threshold);
        Assert.Equal(551, card.HoldoutMetrics.ConfusionMatrix.TrueNegatives);
        Assert.Single(card.Leaderboard);
    }

    [Fact]
    public async Task Models_lists_every_registered_version_and_flags_the_serving_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.Store.RegisterModelAsync(new LogisticScorer("old-0", new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)).Card, ct);
        await factory.Store.RegisterModelAsync(factory.Model.Current!.Card, ct);

        var models = await (await client.Get("/api/models")).Read<ModelsResponse>();

        Assert.Equal("test-1", models.Serving);
        Assert.Equal(["test-1", "old-0"], models.Models.Select(m => m.Version));
        Assert.Equal([true, false], models.Models.Select(m => m.Serving));
    }

    [Fact]
    public async Task Stats_report_totals_rates_bands_states_histogram_and_live_accuracy()
    {
        await factory.Store.UpsertAsync(TestData.Seed(), TestContext.Current.CancellationToken);
        var seed = TestData.Seed();

        var stats = await (await client.Get("/api/stats?bins=5")).Read<PredictionStats>();

        Assert.Equal(seed.Count, stats.Total);
        Assert.Equal(seed.Count(p => p.PredictedChurn), stats.PredictedChurn);
        Assert.Equal(seed.Count(p => p.RiskBand == RiskBand.High), stats.ByRiskBand[RiskBand.High]);
        Assert.Equal(4, stats.ByState.Count);
        Assert.Equal(5, stats.ProbabilityHistogram.Count);
        Assert.Equal(seed.Count, stats.ProbabilityHistogram.Sum());
        var labelled = seed.Where(p => p.ActualChurn is not null).ToList();
        Assert.Equal(labelled.Count, stats.Labelled.Total);
        Assert.Equal(labelled.Count(p => p.PredictedChurn == p.ActualChurn) / (double)labelled.Count, stats.Labelled.Accuracy!.Value, 6);
    }

    [Theory]
    [InlineData("bins=1", "bins")]
    [InlineData("bucketSeconds=0", "bucketSeconds")]
    [InlineData("windowMinutes=99999", "windowMinutes")]
    [InlineData("bucketSeconds=1&windowMinutes=10080", "bucketSeconds")]
    public async Task Invalid_stats_parameters_are_400s_naming_the_field(string query, string field) =>
        await (await client.Get($"/api/stats?{query}")).ValidationError(field);
}
