using System.Security.Cryptography;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Churn.Trainer.Export;
using Churn.Trainer.Reporting;

namespace Churn.Trainer;

/// <summary>Writes the run's three artifacts: <c>model.onnx</c>, <c>model-card.json</c> and <c>report.md</c> (+ <c>roc.svg</c>, <c>reliability.svg</c>).</summary>
public static class ModelArtifacts
{
    public const string ModelFileName = "model.onnx";
    public const string ReportFileName = "report.md";
    public const string RocFileName = "roc.svg";
    public const string ReliabilityFileName = "reliability.svg";

    public static ModelCard Write(TrainingResult result, TrainerOptions options, TimeSpan elapsed)
    {
        var card = BuildCard(result, options, elapsed);
        var verified = card with { OnnxParity = OnnxExport.Verify(result.Onnx, card, result.Test.Customers, result.TestProbabilities) };
        Write(verified, result, options);
        return verified;
    }

    private static void Write(ModelCard card, TrainingResult result, TrainerOptions options)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        // The card is written after the model, so a reader that sees the card also sees its model.
        WriteAtomically(Path.Combine(options.OutputDirectory, ModelFileName), result.Onnx);
        ExplainerExport.Write(card, result, options);
        File.WriteAllText(Path.Combine(options.OutputDirectory, RocFileName), RocSvg.Render(result.Holdout.Auc, card.HoldoutMetrics.Roc));
        File.WriteAllText(Path.Combine(options.OutputDirectory, ReliabilityFileName), ReliabilitySvg.Render(result.Holdout.Ece, result.Reliability));
        File.WriteAllText(Path.Combine(options.OutputDirectory, ReportFileName), MarkdownReport.Render(card));
        WriteAtomically(Path.Combine(options.OutputDirectory, ModelCardJson.FileName),
            System.Text.Encoding.UTF8.GetBytes(ModelCardJson.Serialize(card)));
    }

    /// <summary>The card of <paramref name="result"/>, before its ONNX parity is measured (<see cref="OnnxParity.Rows"/> 0).</summary>
    public static ModelCard BuildCard(TrainingResult result, TrainerOptions options, TimeSpan elapsed)
    {
        var winner = result.Winner;
        var holdout = result.Holdout;
        return new ModelCard
        {
            Version = $"{winner.Candidate.Name}-{Convert.ToHexStringLower(SHA256.HashData(result.Onnx))[..12]}",
            Created = DateTimeOffset.UtcNow,
            Algorithm = winner.Candidate.Algorithm,
            Hyperparameters = winner.Candidate.Hyperparameters,
            Threshold = result.Threshold,
            Calibration = result.Development.Calibration,
            ThresholdRule = ThresholdSelector.Rule,
            SelectionRule = ModelSelection.Rule,
            Seed = options.Seed,
            TrainingData = result.Train.Describe(),
            TestData = result.Test.Describe(),
            Leaderboard = result.Leaderboard.Select(r => new LeaderboardEntry
            {
                Candidate = r.Candidate.Name,
                Algorithm = r.Candidate.Algorithm,
                Hyperparameters = r.Candidate.Hyperparameters,
                Auc = r.Summary(m => m.Auc),
                AucPr = r.Summary(m => m.AucPr),
                F1 = r.Summary(m => m.F1),
                Accuracy = r.Summary(m => m.Accuracy),
                LogLoss = r.Summary(m => m.LogLoss),
                Brier = r.Summary(m => m.Brier),
                Ece = r.Summary(m => m.Ece),
                Seconds = Math.Round(r.Seconds, 2),
                Selected = ReferenceEquals(r, winner),
            }).ToList(),
            HoldoutMetrics = new HoldoutMetrics
            {
                Auc = Math.Round(holdout.Auc, 6),
                AucPr = Math.Round(holdout.AucPr, 6),
                Accuracy = Math.Round(holdout.Accuracy, 6),
                Precision = Math.Round(holdout.Precision, 6),
                Recall = Math.Round(holdout.Recall, 6),
                F1 = Math.Round(holdout.F1, 6),
                LogLoss = Math.Round(holdout.LogLoss, 6),
                ConfusionMatrix = holdout.Confusion,
                Roc = result.Roc,
                Brier = Math.Round(holdout.Brier, 6),
                Ece = Math.Round(holdout.Ece, 6),
                Reliability = result.Reliability,
            },
            OutOfFoldScores = ScoreBins.OutOfFold(result.Development),
            OnnxParity = new OnnxParity(double.NaN, 0, OnnxExport.Tolerance),
            Onnx = new OnnxSignature(OnnxExport.InputName, OnnxExport.OutputName, ChurnFeatures.Count),
            FeatureNames = ChurnFeatures.Names,
            FeatureStatistics = FeatureStatisticsCalculator.Compute(result.Train.Customers),
            TrainingSeconds = Math.Round(elapsed.TotalSeconds, 2),
            PredictionDistribution = PredictionReference(result),
        };
    }

    public const string PredictionReferenceSource =
        "the winner's out-of-fold probabilities after the card's calibrator (3 repeats of stratified 5-fold cross-validation " +
        "on the training file, pooled: each row counted 3 times)";

    /// <summary>
    /// The reference of prediction drift: what the model predicts for customers it was not trained on, drawn from the
    /// training population. Out-of-fold, not the final model on its own training rows (which it has partly memorised),
    /// and not the test file (so the test file can be compared with it honestly). Its count is the training file's rows.
    /// </summary>
    private static ReferenceDistribution PredictionReference(TrainingResult result)
    {
        var sorted = result.Development.CalibratedOutOfFold.Select(p => (double)p).Order().ToArray();
        return QuantileBins.Of(sorted, PredictionReferenceSource) with { Count = result.Train.Customers.Count };
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
