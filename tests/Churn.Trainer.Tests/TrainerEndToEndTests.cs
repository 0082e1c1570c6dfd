using Churn.Domain.Models;
using Churn.Testing;
using Churn.Trainer.Cli;
using Churn.Trainer.Export;

namespace Churn.Trainer.Tests;

/// <summary>The Trainer on the real BigML files: quality floor, ONNX parity, artifacts, determinism.</summary>
public class TrainerEndToEndTests
{
    [Fact]
    public async Task The_model_clears_the_quality_floor_on_the_held_out_test_file()
    {
        var card = await TrainedModel.CardAsync();

        Assert.Equal(667, card.TestData.Rows);
        Assert.Equal(95, card.TestData.Positives);
        Assert.True(card.HoldoutMetrics.Auc >= 0.925, $"test AUC {card.HoldoutMetrics.Auc}");
        Assert.True(card.HoldoutMetrics.Accuracy >= 0.975, $"test accuracy {card.HoldoutMetrics.Accuracy}");
        Assert.True(card.HoldoutMetrics.F1 >= 0.90, $"test churn F1 {card.HoldoutMetrics.F1}");
    }

    [Fact]
    public async Task Onnx_runtime_reproduces_ml_net_within_1e_5_on_the_whole_test_file()
    {
        var card = await TrainedModel.CardAsync();

        Assert.Equal(667, card.OnnxParity.Rows);
        Assert.InRange(card.OnnxParity.MaxAbsDiff, 0, OnnxExport.Tolerance);
        Assert.Equal(new OnnxSignature("Features", "Probability.output", card.FeatureNames.Count), card.Onnx);
    }

    [Fact]
    public async Task The_parity_check_runs_through_the_serving_scorer_so_a_card_it_cannot_serve_fails_the_run()
    {
        var card = await TrainedModel.CardAsync();
        var onnx = await File.ReadAllBytesAsync(TrainedModel.ModelPath, TestContext.Current.CancellationToken);
        var test = Churn.Domain.Customers.CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record!).ToList();
        var misnamed = card with { Onnx = card.Onnx with { InputName = "features" } };

        var error = Assert.Throws<OnnxParityException>(() => OnnxExport.Verify(onnx, misnamed, test, new float[test.Count]));

        Assert.Contains("cannot be served", error.Message);
        Assert.Contains("'features'", error.Message);
    }

    [Fact]
    public async Task The_card_states_the_leaderboard_selection_threshold_data_and_feature_statistics()
    {
        var card = await TrainedModel.CardAsync();

        Assert.True(card.Leaderboard.Count >= 5);
        Assert.Single(card.Leaderboard, e => e.Selected);
        Assert.Equal(card.Algorithm, card.Leaderboard.Single(e => e.Selected).Algorithm);
        Assert.All(card.Leaderboard, e => Assert.InRange(e.Auc.Mean, 0.5, 1));
        Assert.InRange(card.Threshold, 0.01, 0.99);
        Assert.Equal(2666, card.TrainingData.Rows);
        Assert.Equal(388, card.TrainingData.Positives);
        Assert.Equal(64, card.TrainingData.Sha256.Length);
        Assert.Equal(19, card.FeatureStatistics.Count);
        Assert.Equal(51, card.FeatureStatistics["State"].Categories!.Count);
        Assert.InRange(card.FeatureStatistics["TotalDayMinutes"].Median, 150, 210);
        Assert.True(card.TrainingSeconds > 0, "the card records how long training took"); // how long is measured, not asserted: shared cores (CI saw 31 s and 115 s)
        foreach (var file in new[] { "model.onnx", "model-card.json", "model-explainer.json", "report.md", "roc.svg", "reliability.svg" })
        {
            Assert.True(File.Exists(Path.Combine(TrainedModel.Directory, file)), file);
        }
        Assert.Contains("Cross-validation leaderboard", File.ReadAllText(Path.Combine(TrainedModel.Directory, "report.md")));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_metrics_and_the_same_model()
    {
        var first = await TrainedModel.CardAsync();
        var output = Path.Combine(Path.GetTempPath(), "churn-trainer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exit = await TrainerCommand.RunAsync(
                new TrainerOptions { TrainPath = RepositoryPaths.TrainFile, TestPath = RepositoryPaths.TestFile, OutputDirectory = output },
                TextWriter.Null, TextWriter.Null);
            var second = ModelCardJson.Load(Path.Combine(output, ModelCardJson.FileName));

            Assert.Equal(0, exit);
            Assert.Equal(first.Version, second.Version);
            Assert.Equal(Metrics(first.HoldoutMetrics), Metrics(second.HoldoutMetrics));
            Assert.Equal(first.HoldoutMetrics.Roc, second.HoldoutMetrics.Roc);
            Assert.Equal(first.Leaderboard.Select(e => (e.Candidate, e.Auc, e.LogLoss, e.Brier, e.Ece)),
                second.Leaderboard.Select(e => (e.Candidate, e.Auc, e.LogLoss, e.Brier, e.Ece)));
            Assert.Equal(first.Threshold, second.Threshold);
            Assert.Equal(ModelCardJson.Serialize(first with { Created = default, TrainingSeconds = 0, Leaderboard = [] }),
                ModelCardJson.Serialize(second with { Created = default, TrainingSeconds = 0, Leaderboard = [] }));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private static (double, double, double, double, ConfusionMatrix) Metrics(HoldoutMetrics m) =>
        (m.Auc, m.AucPr, m.F1, m.LogLoss, m.ConfusionMatrix);

    [Fact]
    public async Task With_if_missing_an_existing_model_is_kept()
    {
        var directory = await TrainedModel.EnsureAsync();
        var before = File.GetLastWriteTimeUtc(Path.Combine(directory, "model.onnx"));
        var output = new StringWriter();

        var exit = await TrainerCommand.RunAsync(new TrainerOptions { OutputDirectory = directory, OnlyIfMissing = true }, output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(directory, "model.onnx")));
        Assert.Contains("nothing to train", output.ToString());
    }
}
