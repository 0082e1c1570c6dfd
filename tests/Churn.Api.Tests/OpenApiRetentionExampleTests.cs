using System.Text.Json;
using System.Text.Json.Nodes;
using Churn.Api.Retention;
using Churn.Api.Tests.Retention;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Domain.Retention;

namespace Churn.Api.Tests;

/// <summary>
/// The retention examples of /openapi/v1.json (part of the <see cref="OpenApiExampleTests"/> suite) are what the Api
/// answers with its default economics for the Trainer's model over the replayed test file.
/// </summary>
public sealed class OpenApiRetentionExampleTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient client = factory.CreateClient();

    public async ValueTask InitializeAsync() => await TestFileReplay.ReplayAsync(factory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<T> Example<T>(string path) =>
        (await OpenApi.ResponseExampleAsync(factory, path, "get", 200)).Deserialize<T>(Json.Options)!;

    [Fact]
    public async Task The_campaign_example_is_what_the_api_answers_for_its_budget_over_the_replayed_test_file()
    {
        var example = await Example<CampaignResponse>("/api/campaign");
        Assert.NotNull(example.Budget);

        var real = await (await client.Get(FormattableString.Invariant($"/api/campaign?budget={example.Budget}"))).Read<CampaignResponse>();

        Assert.Equal((real.Economics, real.Budget, real.Top, real.LimitedBy), (example.Economics, example.Budget, example.Top, example.LimitedBy));
        Assert.Equal(real.Totals.Contacted, example.Totals.Contacted);
        Assert.Equal(real.Totals.ExpectedGain, example.Totals.ExpectedGain, 1e-6);
        Assert.Equal(real.Customers.Count, example.Customers.Count);
        Assert.All(real.Customers.Zip(example.Customers), pair =>
        {
            var (r, e) = pair;
            Assert.Equal((r.Rank, r.CustomerId), (e.Rank, e.CustomerId));
            Assert.Equal(r.ChurnProbability, e.ChurnProbability, 1e-9);
            Assert.Equal(r.ExpectedGain, e.ExpectedGain, 1e-6);
            Assert.Equal(r.Prediction with { OccurredAt = default, IngestedAt = default, ScoredAt = default },
                e.Prediction with { OccurredAt = default, IngestedAt = default, ScoredAt = default });
        });
    }

    [Fact]
    public async Task The_profit_curve_example_shows_points_and_thresholds_of_what_the_api_answers_for_the_trainers_model()
    {
        var example = await Example<ProfitCurveResponse>("/api/model/profit-curve");

        var real = await (await client.Get("/api/model/profit-curve")).Read<ProfitCurveResponse>();

        Assert.Equal((real.ModelVersion, real.Economics), (example.ModelVersion, example.Economics));
        foreach (var (r, e) in new[] { (real.TestFile, example.TestFile), (real.OutOfFold!, example.OutOfFold!) })
        {
            Assert.Equal((r.Source, r.Customers, r.Churners), (e.Source, e.Customers, e.Churners));
            Assert.All(e.Points, point => AssertSame(r.Points.Single(p => p.Contacted == point.Contacted), point));
        }
        Assert.Equal(real.Thresholds.Select(t => (t.Name, t.Rule)), example.Thresholds.Select(t => (t.Name, t.Rule)));
        Assert.All(real.Thresholds.Zip(example.Thresholds), pair =>
        {
            Assert.Equal(pair.First.Threshold, pair.Second.Threshold, 1e-12);
            AssertSame(pair.First.TestFile, pair.Second.TestFile);
            AssertSame(pair.First.OutOfFold!, pair.Second.OutOfFold!);
        });
    }

    [Fact]
    public async Task The_stats_examples_retention_summary_is_its_current_risk_in_money_and_that_risk_the_replayed_test_files()
    {
        var example = await Example<PredictionStats>("/api/stats");

        var real = await (await client.Get("/api/stats")).Read<PredictionStats>();

        var economics = new RetentionOptions().Economics;
        Assert.Equal(JsonSerializer.Serialize(RetentionSummary.Of(economics, example.Current!)), JsonSerializer.Serialize(example.Retention));
        Assert.Equal((real.Current!.Customers, real.Current.Contactable, real.Current.ContactAbove),
            (example.Current!.Customers, example.Current.Contactable, example.Current.ContactAbove));
        Assert.Equal(real.Current.ProbabilitySum, example.Current.ProbabilitySum, 1e-4);
        Assert.Equal(real.Current.ContactableProbabilitySum, example.Current.ContactableProbabilitySum, 1e-4);
    }

    private static void AssertSame(ProfitPoint real, ProfitPoint example)
    {
        Assert.Equal((real.Contacted, real.Churners), (example.Contacted, example.Churners));
        Assert.Equal(real.Threshold, example.Threshold, 1e-9);
        Assert.Equal(real.RealisedProfit, example.RealisedProfit, 1e-6);
        Assert.Equal(real.ExpectedProfit, example.ExpectedProfit, 1e-4);
    }
}
