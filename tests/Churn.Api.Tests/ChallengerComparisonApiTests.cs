using System.Net;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Challenger;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>
/// GET /api/models/challenger end to end: the test file replayed through the Api's pipeline with a challenger in the
/// slot; the comparison is over the same live events and equals a recomputation from the served predictions (read
/// through the Api) and the challenger's graph; the shadow predictions are never served.
/// </summary>
public sealed class ChallengerComparisonApiTests(ChallengerApiFactory factory) : IClassFixture<ChallengerApiFactory>
{
    private const int TestRows = 667;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_comparison_covers_every_replayed_event_and_equals_a_recomputation_from_the_served_predictions()
    {
        var report = await ReplayedAsync();
        var served = await ServedPredictionsAsync();
        using var challengerGraph = ModelCandidate.Load(factory.Slot, new OnnxScorerOptions());
        var shadow = new float[served.Count];
        challengerGraph.Score(served.Select(p => p.Customer).ToArray(), shadow);
        var pairs = served.Select((p, i) => (Served: p, Shadow: (double)shadow[i], ShadowChurn: shadow[i] >= challengerGraph.Card.Threshold)).ToList();
        var labelled = pairs.Where(p => p.Served.ActualChurn is not null).ToList();

        var c = report.Comparison;
        Assert.Equal(challengerGraph.Card.Version, report.Card.Version);
        Assert.Equal(factory.Models.Current!.Card.Version, report.ChampionVersion);
        Assert.Equal((TestRows, TestRows, TestRows, 10_000), (c.Events, c.Labelled, (int)c.ShadowPredictions, c.Window));
        Assert.Equal([new VersionCount(report.ChampionVersion!, TestRows)], c.ChampionVersions);
        Assert.Equal(new DecisionTable(
            pairs.Count(p => p.Served.PredictedChurn && p.ShadowChurn), pairs.Count(p => p.Served.PredictedChurn && !p.ShadowChurn),
            pairs.Count(p => !p.Served.PredictedChurn && p.ShadowChurn), pairs.Count(p => !p.Served.PredictedChurn && !p.ShadowChurn)), c.Decisions);
        Assert.Equal(pairs.Count(p => p.Served.PredictedChurn == p.ShadowChurn) / (double)TestRows, c.Agreement!.Value, 12);
        Assert.Equal(pairs.Average(p => Math.Abs(p.Served.ChurnProbability - p.Shadow)), c.MeanAbsoluteDifference!.Value, 12);
        AssertSide(c.Champion!, pairs.Select(p => (p.Served.ChurnProbability, p.Served.PredictedChurn, p.Served.ActualChurn)).ToList());
        AssertSide(c.Challenger!, pairs.Select(p => (p.Shadow, p.ShadowChurn, p.Served.ActualChurn)).ToList());
        Assert.True(c.Agreement < 1 || c.MeanAbsoluteDifference > 0, "two different models should differ somewhere");
        Assert.Equal(TestRows, labelled.Count);
    }

    [Fact]
    public async Task Shadow_predictions_are_never_served_by_the_prediction_endpoints()
    {
        var report = await ReplayedAsync();
        var client = factory.CreateClient();

        var served = await ServedPredictionsAsync();
        Assert.Equal(TestRows, served.Count);
        Assert.All(served, p => Assert.Equal(report.ChampionVersion, p.ModelVersion));
        Assert.Equal(TestRows, (await (await client.Get("/api/stats")).Read<PredictionStats>()).Total);
        var history = await (await client.Get($"/api/customers/{served[0].CustomerId}/predictions")).Read<List<Prediction>>();
        Assert.Equal(report.ChampionVersion, Assert.Single(history).ModelVersion);
        var models = await (await client.Get("/api/models")).Read<ModelsResponse>();
        Assert.Equal(report.ChampionVersion, models.Serving);
        Assert.DoesNotContain(models.Models, m => m.Version == report.Card.Version);
    }

    /// <summary>
    /// Replays the test file through the Api once per factory and waits until the challenger has shadowed every row. Once:
    /// a second replay re-scores every row while the next test pages through the served predictions, and rows moving to
    /// the top of the newest-first order mid-walk were read twice or not at all.
    /// </summary>
    private async Task<ChallengerReport> ReplayedAsync()
    {
        if (await factory.Store.CountAsync(Ct) == 0)
        {
            var replay = await factory.CreateClientWithKey().PostAsync("/api/admin/replay", content: null, Ct);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }
        var client = factory.CreateClient();
        return await Eventually.UntilAsync(async () => await (await client.Get("/api/models/challenger")).Read<ChallengerReport>(),
            r => r.Comparison.Events == TestRows && r.Comparison.ShadowPredictions == TestRows, TimeSpan.FromSeconds(60),
            what: "every replayed row compared");
    }

    private async Task<List<Prediction>> ServedPredictionsAsync()
    {
        var client = factory.CreateClient();
        var all = new List<Prediction>();
        for (var page = 1; ; page++)
        {
            var items = (await (await client.Get($"/api/predictions?page={page}&pageSize=200&sort=ScoredAtDesc")).Read<PredictionPage>()).Items;
            all.AddRange(items);
            if (items.Count < 200) return all;
        }
    }

    private static void AssertSide(ComparisonSide side, List<(double P, bool Churn, bool? Actual)> events)
    {
        var labelled = events.Where(e => e.Actual is not null).ToList();
        int Count(bool decided, bool actual) => labelled.Count(e => e.Churn == decided && e.Actual == actual);
        var (tp, fp, fn) = (Count(true, true), Count(true, false), Count(false, true));
        Assert.Equal(new Domain.Models.ConfusionMatrix(tp, fp, fn, Count(false, false)), side.ConfusionMatrix);
        Assert.Equal((double)tp / (tp + fp), side.Precision!.Value, 12);
        Assert.Equal((double)tp / (tp + fn), side.Recall!.Value, 12);
        Assert.Equal(labelled.Average(e => (e.P - (e.Actual!.Value ? 1 : 0)) * (e.P - (e.Actual!.Value ? 1 : 0))), side.Brier!.Value, 12);
        var churners = labelled.Where(e => e.Actual == true).Select(e => e.P).ToList();
        var stayers = labelled.Where(e => e.Actual == false).Select(e => e.P).ToList();
        var auc = churners.Sum(c => stayers.Sum(s => c > s ? 1.0 : c == s ? 0.5 : 0)) / (churners.Count * (double)stayers.Count);
        Assert.Equal(auc, side.Auc!.Value, 12);
        Assert.Equal(events.Average(e => e.P), side.MeanProbability, 12);
        Assert.Equal(events.Count(e => e.Churn) / (double)events.Count, side.PredictedChurnRate, 12);
    }
}
