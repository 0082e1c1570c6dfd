using Churn.Domain.Api;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

public sealed class ModelsAndStatsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Model_returns_the_card_of_the_trainers_model_it_serves()
    {
        var trained = await TrainedModel.CardAsync();

        var card = await (await client.Get("/api/model")).Read<ModelCard>();

        Assert.Equal(trained.Version, card.Version);
        Assert.Equal(trained.Threshold, card.Threshold);
        Assert.Equal(trained.HoldoutMetrics.ConfusionMatrix, card.HoldoutMetrics.ConfusionMatrix);
        Assert.Equal(trained.Leaderboard.Select(l => l.Candidate), card.Leaderboard.Select(l => l.Candidate));
        Assert.Single(card.Leaderboard, l => l.Selected);
    }

    [Fact]
    public async Task Models_lists_every_registered_version_and_flags_the_serving_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var serving = await TrainedModel.CardAsync();
        var older = serving with { Version = "older-0", Created = serving.Created.AddDays(-30) };
        await factory.Store.RegisterModelAsync(older, ct);

        var models = await (await client.Get("/api/models")).Read<ModelsResponse>();

        Assert.Equal(serving.Version, models.Serving);
        Assert.Equal([serving.Version, "older-0"], models.Models.Select(m => m.Version));
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
    [InlineData("bins=1", "bins", "Must be between 2 and 100.")]
    [InlineData("bins=abc", "bins", "'abc' is not a valid int.")]
    [InlineData("bucketSeconds=0", "bucketSeconds", "Must be between 1 and 86400.")]
    [InlineData("windowMinutes=99999", "windowMinutes", "Must be between 1 and 10080.")]
    [InlineData("bucketSeconds=1&windowMinutes=10080", "bucketSeconds", "more than 10000 buckets")]
    public async Task Invalid_stats_parameters_are_400s_naming_the_field(string query, string field, string reason) =>
        Assert.Contains(reason, await (await client.Get($"/api/stats?{query}")).ValidationError(field));
}
