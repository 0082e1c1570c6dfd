using Churn.Core.Ingest;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport.Embedded;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>The embedded flow end to end on the real test file and the Trainer's real model.</summary>
public sealed class EmbeddedPipelineEndToEndTests
{
    private const int TestRows = 667;

    [Fact]
    public async Task Replaying_the_test_file_stores_one_prediction_per_row_with_the_onnx_probability_and_reasons_and_a_replay_adds_none()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        await p.StartAsync();
        var csv = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System);
        await p.StartWorkerAsync();

        p.Publish(csv.Read());
        p.Probe.WaitForWritten(TestRows);
        Assert.Equal(TestRows, await p.Store.CountAsync(CancellationToken.None));

        p.Publish(csv.Read());
        p.Probe.WaitForWritten(2 * TestRows);
        Assert.Equal(TestRows, await p.Store.CountAsync(CancellationToken.None));

        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).ToList();
        using var reference = ModelCandidate.Load(p.Models.Directory, new OnnxScorerOptions());
        var explainer = ModelCandidate.LoadServing(p.Models.Directory, new ModelOptions { Directory = p.Models.Directory }).Explainer!;
        var expected = new float[rows.Count];
        reference.Score(rows.Select(r => r.Record!).ToArray(), expected);
        for (var i = 0; i < rows.Count; i++)
        {
            var stored = await p.Store.GetAsync($"csv-{csv.FileId}-{rows[i].LineNumber}", CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(expected[i], (float)stored.ChurnProbability);
            Assert.Equal(expected[i] >= reference.Card.Threshold, stored.PredictedChurn);
            Assert.Equal(rows[i].Record!.Churn, stored.ActualChurn);
            Assert.Equal(reference.Card.Version, stored.ModelVersion);
            Assert.Equal(explainer.Explain(rows[i].Record!), stored.Reasons); // computed with the probability, stored with it
        }
        Assert.Contains(await p.Store.GetModelsAsync(CancellationToken.None), m => m.Version == reference.Card.Version);
    }

    [Fact]
    public async Task A_worker_that_crashes_mid_stream_is_replaced_and_no_event_is_missing_or_duplicated()
    {
        // Commits every 30 s: the crash surely loses stored-but-uncommitted offsets, so the successor must replay.
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync(),
            new EmbeddedTransportOptions { CommitInterval = TimeSpan.FromSeconds(30) });
        await p.StartAsync();
        var csv = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System);
        var events = Enumerable.Range(0, 3).SelectMany(pass => csv.Read(pass)).ToList();
        p.Publish(events);

        var (firstWorker, first) = await p.StartWorkerAsync(maxBatchSize: 50);
        p.Probe.WaitForWritten(300);
        first.Crash(); // no Close: nothing more is committed
        // The dead worker's last write may still land (the successor writes it again; upserts are idempotent).
        await firstWorker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var writtenBeforeCrash = p.Probe.Written;
        Assert.True(writtenBeforeCrash < events.Count, "the crash should happen mid-stream");

        // Nothing was committed (30 s interval), so the successor re-reads every partition from the start.
        await p.StartWorkerAsync(maxBatchSize: 50);
        p.Probe.WaitForWritten(writtenBeforeCrash + events.Count);

        Assert.Equal(events.Count, await p.Store.CountAsync(CancellationToken.None));
        foreach (var e in events)
        {
            Assert.NotNull(await p.Store.GetAsync(e.Event!.EventId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Swapping_the_model_under_load_scores_every_event_exactly_once_with_one_whole_model()
    {
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        await p.StartAsync();
        var first = p.Models.Current!.Card;
        var csv = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System);
        var events = Enumerable.Range(0, 4).SelectMany(pass => csv.Read(pass)).ToList();
        p.Publish(events);
        await p.StartWorkerAsync(maxBatchSize: 64);

        p.Probe.WaitForWritten(200);
        TestModels.Write(p.Models.Directory, "not onnx"u8.ToArray(), TestModelCards.Card("broken"));
        var rejected = await p.Models.ReloadAsync(CancellationToken.None);
        TestModels.Write(p.Models.Directory, TestModels.Onnx(), TestModelCards.Card("fixture-v2"));
        var swapped = await p.Models.ReloadAsync(CancellationToken.None);
        p.Probe.WaitForWritten(events.Count);

        Assert.Equal(ModelSwapOutcome.Rejected, rejected.Outcome);
        Assert.Equal(ModelSwapOutcome.Swapped, swapped.Outcome);
        Assert.Equal(events.Count, p.Probe.Written);
        Assert.Equal(events.Count, await p.Store.CountAsync(CancellationToken.None));
        using var original = ModelCandidate.Load(await TrainedModel.EnsureAsync(), new OnnxScorerOptions());
        var versions = new Dictionary<string, int>();
        var probability = new float[1];
        foreach (var item in events)
        {
            var stored = await p.Store.GetAsync(item.Event!.EventId, CancellationToken.None);
            Assert.NotNull(stored);
            versions[stored.ModelVersion] = versions.GetValueOrDefault(stored.ModelVersion) + 1;
            if (stored.ModelVersion == first.Version)
            {
                original.Score([item.Event.Customer], probability);
                Assert.Equal(probability[0], (float)stored.ChurnProbability);
            }
            else
            {
                Assert.Equal("fixture-v2", stored.ModelVersion);
                Assert.Equal(TestModels.Expected(item.Event.Customer), stored.ChurnProbability, 1e-5);
            }
        }
        Assert.True(versions.GetValueOrDefault(first.Version) >= 200, "the first model scored the early events");
        Assert.True(versions.GetValueOrDefault("fixture-v2") > 0, "the swapped-in model scored the rest");
        Assert.Equal(2, (await p.Store.GetModelsAsync(CancellationToken.None)).Count);
    }
}
