using Churn.Core.Ingest;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Core.Tests.EndToEnd;
using Churn.Core.Worker;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Tests.Shadow;

/// <summary>
/// The embedded pipeline over the 667 rows of the test file with a challenger in the slot: every event gets a shadow
/// prediction apart from the served one, the served predictions are exactly those of a run without a challenger, and
/// a challenger (or a shadow store) that fails costs only shadow predictions — never a served prediction, a dead
/// letter, a held batch or the worker's health.
/// </summary>
public sealed class ShadowPipelineTests
{
    private const int TestRows = 667;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_gets_a_shadow_prediction_and_the_served_predictions_are_those_of_a_run_without_a_challenger()
    {
        var trained = await TrainedModel.EnsureAsync();
        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).ToList();
        var csv = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System);
        var ids = rows.Select(r => $"csv-{csv.FileId}-{r.LineNumber}").ToList();
        var withoutChallenger = new Dictionary<string, Prediction>();
        await using (var baseline = new EmbeddedPipelineHarness(trained))
        {
            await RunTestFileAsync(baseline, shadowed: 0);
            foreach (var id in ids) withoutChallenger[id] = (await baseline.Store.GetAsync(id, Ct))!;
        }

        await using var p = new EmbeddedPipelineHarness(trained);
        await TrainedChallenger.CopyToAsync(p.ChallengerDirectory);
        await RunTestFileAsync(p, shadowed: TestRows);

        var challenger = p.Challenger.Current!.Card;
        Assert.Equal(TestRows, await p.Store.CountAsync(Ct));
        Assert.Equal(TestRows, await p.Store.CountShadowAsync(challenger.Version, Ct));
        Assert.Equal(TestRows, p.ShadowProbe.Written);
        Assert.Empty(p.ShadowProbe.Failures);
        using var reference = ModelCandidate.Load(p.ChallengerDirectory, new OnnxScorerOptions());
        var expected = new float[rows.Count];
        reference.Score(rows.Select(r => r.Record!).ToArray(), expected);
        var pairs = (await p.Store.GetShadowPairsAsync(challenger.Version, 10_000, Ct)).ToDictionary(s => s.EventId);
        Assert.Equal(TestRows, pairs.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var served = (await p.Store.GetAsync(ids[i], Ct))!;
            var baseline = withoutChallenger[ids[i]];
            Assert.Equal((baseline.ChurnProbability, baseline.PredictedChurn, baseline.RiskBand, baseline.ModelVersion, baseline.Customer),
                (served.ChurnProbability, served.PredictedChurn, served.RiskBand, served.ModelVersion, served.Customer));
            var shadow = pairs[ids[i]];
            Assert.Equal(expected[i], (float)shadow.ChallengerProbability);
            Assert.Equal(expected[i] >= challenger.Threshold, shadow.ChallengerChurn);
            Assert.Equal((served.ModelVersion, served.ChurnProbability, served.PredictedChurn, rows[i].Record!.Churn),
                (shadow.ChampionVersion, shadow.ChampionProbability, shadow.ChampionChurn, shadow.ActualChurn));
        }
        Assert.NotEqual(challenger.Version, p.Models.Current!.Card.Version);
        Assert.DoesNotContain(await p.Store.GetModelsAsync(Ct), m => m.Version == challenger.Version); // never a served model
    }

    [Fact]
    public async Task A_challenger_that_returns_non_probabilities_for_live_events_costs_only_their_shadow_predictions()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        // p = 0.25 × service calls: the probe customers (one call) score 0.25, customers with 5 or more calls score above 1.
        var weights = ChurnFeatures.Names.Select(n => n == "CustomerServiceCalls" ? 0.25f : 0f).ToArray();
        TestModels.Write(p.ChallengerDirectory, OnnxGraphWriter.Linear(weights, 0), TestModelCards.Card("linear-challenger"));
        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).ToList();
        var beyond = rows.Count(r => r.Record!.CustomerServiceCalls >= 5);
        Assert.InRange(beyond, 1, TestRows / 2);

        var worker = await RunTestFileAsync(p, shadowed: TestRows);

        Assert.Equal("linear-challenger", p.Challenger.Current?.Card.Version);
        Assert.Equal(new Dictionary<string, long> { ["score"] = beyond }, p.ShadowProbe.Failures);
        Assert.Equal(TestRows - beyond, await p.Store.CountShadowAsync("linear-challenger", Ct));
        await AssertTheServingPathIsWholeAsync(p, worker, rows);
    }

    [Fact]
    public async Task A_shadow_store_that_refuses_every_write_costs_only_shadow_predictions()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        await TrainedChallenger.CopyToAsync(p.ChallengerDirectory);
        await p.Store.InitializeAsync(Ct);
        await using (var connection = new SqliteConnection($"Data Source={p.Store.FilePath}"))
        {
            await connection.OpenAsync(Ct);
            await using var refuse = connection.CreateCommand();
            refuse.CommandText = """
                CREATE TRIGGER refuse_shadow BEFORE INSERT ON shadow_predictions
                BEGIN SELECT RAISE(ABORT, 'the shadow table refuses every write'); END;
                """;
            await refuse.ExecuteNonQueryAsync(Ct);
        }
        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).ToList();

        var worker = await RunTestFileAsync(p, shadowed: TestRows);

        Assert.Equal(new Dictionary<string, long> { ["store"] = TestRows }, p.ShadowProbe.Failures);
        Assert.Equal(0, await p.Store.CountShadowAsync(p.Challenger.Current!.Card.Version, Ct));
        await AssertTheServingPathIsWholeAsync(p, worker, rows);
    }

    [Fact]
    public async Task A_challenger_the_validation_refuses_is_never_scored_and_says_why()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        TestModels.Write(p.ChallengerDirectory, TestModels.Onnx(), TestModelCards.Card("out-of-range", threshold: 1.5));
        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).ToList();

        var worker = await RunTestFileAsync(p, shadowed: 0);

        Assert.Null(p.Challenger.Current);
        Assert.Equal("model out-of-range: threshold 1.5 is outside (0, 1)", p.Challenger.LastRejection);
        Assert.Equal(0, await p.Store.CountShadowAsync("out-of-range", Ct));
        await AssertTheServingPathIsWholeAsync(p, worker, rows);
    }

    [Fact]
    public async Task Events_scored_before_the_challenger_has_loaded_at_start_are_shadowed_once_it_has()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        await TrainedChallenger.CopyToAsync(p.ChallengerDirectory);
        // The host's start order races: the worker may score its first batches before the challenger's slot is read.
        await p.Models.StartAsync(Ct);
        await p.Shadow.StartAsync(Ct);
        await p.StartWorkerAsync();
        p.Publish(new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read());
        p.Probe.WaitForWritten(TestRows);
        Assert.Equal(0, p.ShadowProbe.Written);

        await p.Challenger.StartAsync(Ct);

        p.ShadowProbe.WaitForHandled(TestRows);
        Assert.Equal(TestRows, await p.Store.CountShadowAsync(p.Challenger.Current!.Card.Version, Ct));
    }

    /// <summary>Starts the pipeline and one worker, replays the test file, and waits for every served and shadow outcome.</summary>
    private static async Task<ScoringWorker> RunTestFileAsync(EmbeddedPipelineHarness p, int shadowed)
    {
        await p.StartAsync();
        var (worker, _) = await p.StartWorkerAsync();
        p.Publish(new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read());
        p.Probe.WaitForWritten(TestRows);
        if (shadowed > 0) p.ShadowProbe.WaitForHandled(shadowed);
        return worker;
    }

    /// <summary>
    /// Every row served as the serving model scores it, nothing dead-lettered, the worker Healthy, and once it stops
    /// every offset committed (nothing held back for a retry).
    /// </summary>
    private static async Task AssertTheServingPathIsWholeAsync(EmbeddedPipelineHarness p, ScoringWorker worker, List<CustomerCsvRow> rows)
    {
        Assert.Equal(TestRows, await p.Store.CountAsync(Ct));
        using var reference = ModelCandidate.Load(p.Models.Directory, new OnnxScorerOptions());
        var expected = new float[rows.Count];
        reference.Score(rows.Select(r => r.Record!).ToArray(), expected);
        var fileId = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).FileId;
        for (var i = 0; i < rows.Count; i++)
        {
            var stored = (await p.Store.GetAsync($"csv-{fileId}-{rows[i].LineNumber}", Ct))!;
            Assert.Equal((expected[i], reference.Card.Version), ((float)stored.ChurnProbability, stored.ModelVersion));
        }
        Assert.Equal(HealthStatus.Healthy, p.Status.Check().Status);

        await worker.StopAsync(Ct);
        var topics = EmbeddedPipelineHarness.Topics.Value;
        for (var partition = 0; partition < p.Log.Options.Partitions; partition++)
        {
            Assert.Equal(0, p.Log.EndOffset(topics.DeadLetters, partition));
            Assert.Equal(p.Log.EndOffset(topics.Customers, partition),
                p.Log.CommittedOffset(ScoringWorkerOptions.ConsumerGroup, topics.Customers, partition) ?? 0);
        }
    }
}
