using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;
using Churn.Trainer.Calibration;
using Churn.Trainer.Export;

namespace Churn.Trainer.Tests;

/// <summary>The real card's calibration: what it states is what the serving path gives on the test file.</summary>
public class TrainerCalibrationTests
{
    [Fact]
    public async Task The_cards_test_brier_score_ece_and_reliability_bins_are_what_the_serving_scorer_gives_on_the_test_file()
    {
        var card = await TrainedModel.CardAsync();
        var (labels, served) = ServedTestFile();

        // Recomputed here from the definitions: Brier = mean (p − y)²; bins ⌊10 p⌋ (1 in the last); ECE = Σ n_b |p̄_b − ȳ_b| / n.
        var brier = served.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();
        var bins = served.Select((p, i) => (Bin: Math.Min(9, (int)(p * 10.0)), P: (double)p, Y: labels[i] ? 1.0 : 0.0))
            .GroupBy(r => r.Bin).OrderBy(g => g.Key)
            .Select(g => (Bin: g.Key, Count: g.Count(), Predicted: g.Average(r => r.P), Observed: g.Average(r => r.Y))).ToArray();
        var ece = bins.Sum(b => b.Count * Math.Abs(b.Predicted - b.Observed)) / served.Length;

        Assert.Equal(brier, card.HoldoutMetrics.Brier!.Value, 1e-5);
        Assert.Equal(ece, card.HoldoutMetrics.Ece!.Value, 1e-5);
        var reliability = card.HoldoutMetrics.Reliability!;
        Assert.Equal(bins.Select(b => (b.Bin / 10.0, (b.Bin + 1) / 10.0, b.Count)), reliability.Select(b => (b.Lower, b.Upper, b.Count)));
        Assert.All(bins.Zip(reliability), pair =>
        {
            Assert.Equal(pair.First.Predicted, pair.Second.MeanPredicted, 1e-5);
            Assert.Equal(pair.First.Observed, pair.Second.ObservedRate, 9);
        });
        Assert.Equal(card.TestData.Positives, (int)Math.Round(reliability.Sum(b => b.ObservedRate * b.Count)));
    }

    [Fact]
    public async Task Every_candidate_has_cross_validated_brier_and_ece_and_the_card_says_which_calibrator_serves_and_why()
    {
        var card = await TrainedModel.CardAsync();

        Assert.All(card.Leaderboard, e =>
        {
            Assert.InRange(e.Brier!.Mean, 0.001, 0.25);
            Assert.InRange(e.Ece!.Mean, 0, 0.25);
            Assert.True(e.Brier.StdDev > 0 && e.Ece.StdDev > 0, e.Candidate);
        });
        var calibration = card.Calibration!;
        Assert.Equal(CalibrationSelector.Rule, calibration.Rule);
        Assert.Equal(["none", "platt", "isotonic"], calibration.Compared.Select(c => c.Method));
        Assert.Equal(calibration.Serving.Method, Assert.Single(calibration.Compared, c => c.Selected).Method);
        Assert.Null(calibration.Serving.Problem());
        // The learner's own out-of-fold Brier in the nested comparison is the winner's, measured on other folds of the same predictions.
        var winner = card.Leaderboard.Single(e => e.Selected);
        Assert.Equal(winner.Brier!.Mean, calibration.Compared[0].Brier.Mean, 0.002);
    }

    [Fact]
    public async Task The_parity_check_compares_ml_net_with_the_cards_calibrator_against_the_serving_scorer()
    {
        var card = await TrainedModel.CardAsync();
        var onnx = await File.ReadAllBytesAsync(TrainedModel.ModelPath, TestContext.Current.CancellationToken);
        var customers = TestCustomersOfTheTestFile();
        var (_, served) = ServedTestFile();
        var other = card.Calibration!.Serving.IsIdentity
            ? ProbabilityCalibrator.FromPlatt(new PlattParameters(1.3, 0.2))
            : ProbabilityCalibrator.None;
        var recalibrated = card with { Calibration = card.Calibration with { Serving = other } };

        var parity = OnnxExport.Verify(onnx, card, customers, served);
        var error = Assert.Throws<OnnxParityException>(() => OnnxExport.Verify(onnx, recalibrated, customers, served));

        Assert.Equal(customers.Count, parity.Rows);
        Assert.InRange(parity.MaxAbsDiff, 0, 1e-6);
        Assert.Contains("differs from ML.NET", error.Message);
    }

    [Fact]
    public async Task The_report_shows_brier_and_ece_for_every_candidate_the_calibrators_and_the_reliability_table()
    {
        var card = await TrainedModel.CardAsync();
        var report = await File.ReadAllTextAsync(Path.Combine(TrainedModel.Directory, ModelArtifacts.ReportFileName), TestContext.Current.CancellationToken);
        var svg = await File.ReadAllTextAsync(Path.Combine(TrainedModel.Directory, ModelArtifacts.ReliabilityFileName), TestContext.Current.CancellationToken);

        Assert.Contains("| log-loss | Brier | ECE |", report);
        Assert.All(card.Leaderboard, e => Assert.Contains($"| {e.Candidate} |", report));
        Assert.All(card.Calibration!.Compared, c => Assert.Contains($"| {c.Method} |", report));
        Assert.Contains("Serving calibrator:", report);
        Assert.All(card.HoldoutMetrics.Reliability!, b => Assert.Contains(
            FormattableString.Invariant($"| {b.Lower:0.0}–{b.Upper:0.0} | {b.Count} | {b.MeanPredicted:0.0000} | {b.ObservedRate:0.0000} |"), report));
        Assert.Contains("![Reliability diagram on the test file](reliability.svg)", report);
        Assert.Equal(card.HoldoutMetrics.Reliability!.Count, svg.Split("<circle").Length - 1);
        Assert.All(card.HoldoutMetrics.Reliability!, b => Assert.Contains($">{b.Count}</text>", svg));
    }

    private static List<CustomerRecord> TestCustomersOfTheTestFile() =>
        CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record!).ToList();

    /// <summary>The test file scored by the model that serves (card, graph, calibrator), as the scoring worker loads it.</summary>
    private static (bool[] Labels, float[] Served) ServedTestFile()
    {
        var customers = TestCustomersOfTheTestFile();
        using var scorer = ModelCandidate.Load(TrainedModel.Directory, new OnnxScorerOptions());
        var served = new float[customers.Count];
        scorer.Score(customers.ToArray(), served);
        return ([.. customers.Select(c => c.Churn!.Value)], served);
    }
}
