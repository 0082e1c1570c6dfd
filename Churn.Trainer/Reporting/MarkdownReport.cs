using System.Globalization;
using System.Text;
using Churn.Domain.Models;

namespace Churn.Trainer.Reporting;

/// <summary>The human-readable training report: leaderboard, selection, threshold, test metrics, confusion matrix, ROC.</summary>
public static class MarkdownReport
{
    public static string Render(ModelCard card)
    {
        var r = new StringBuilder();
        var h = card.HoldoutMetrics;
        var c = h.ConfusionMatrix;
        Line(r, $"# Churn model {card.Version}");
        Line(r, "");
        Line(r, $"Trained {card.Created:yyyy-MM-dd HH:mm} UTC in {card.TrainingSeconds:0.0} s (seed {card.Seed}) on `{card.TrainingData.File}` " +
                $"({card.TrainingData.Rows} rows, {card.TrainingData.Positives} churners); tested once on `{card.TestData.File}` " +
                $"({card.TestData.Rows} rows, {card.TestData.Positives} churners).");
        Line(r, "");
        Line(r, "## Cross-validation leaderboard (3 × stratified 5-fold on the training file)");
        Line(r, "");
        Line(r, "F1 and accuracy per fold at threshold 0.5; mean ± standard deviation over the folds.");
        Line(r, "");
        Line(r, "| candidate | algorithm | AUC | AUC-PR | F1 | accuracy | log-loss | seconds | |");
        Line(r, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var e in card.Leaderboard)
        {
            Line(r, $"| {e.Candidate} | {e.Algorithm} | {S(e.Auc)} | {S(e.AucPr)} | {S(e.F1)} | {S(e.Accuracy)} | {S(e.LogLoss)} | {e.Seconds:0.0} | {(e.Selected ? "**selected**" : "")} |");
        }
        Line(r, "");
        Line(r, $"Selection rule: {card.SelectionRule}. Winner: **{card.Algorithm}** ({string.Join(", ", card.Hyperparameters.Select(p => $"{p.Key} {p.Value}"))}).");
        Line(r, "");
        Line(r, $"Decision threshold: **{card.Threshold:0.####}** — {card.ThresholdRule}.");
        Line(r, "");
        Line(r, "## Held-out test metrics (evaluated once)");
        Line(r, "");
        Line(r, "| AUC | AUC-PR | accuracy | precision | recall | F1 | log-loss |");
        Line(r, "| --- | --- | --- | --- | --- | --- | --- |");
        Line(r, $"| {h.Auc:0.0000} | {h.AucPr:0.0000} | {h.Accuracy:0.0000} | {h.Precision:0.0000} | {h.Recall:0.0000} | {h.F1:0.0000} | {h.LogLoss:0.0000} |");
        Line(r, "");
        Line(r, "Confusion matrix at the threshold:");
        Line(r, "");
        Line(r, "| | predicted churn | predicted stay |");
        Line(r, "| --- | --- | --- |");
        Line(r, $"| **churned** | {c.TruePositives} | {c.FalseNegatives} |");
        Line(r, $"| **stayed** | {c.FalsePositives} | {c.TrueNegatives} |");
        Line(r, "");
        Line(r, "![ROC curve on the test file](roc.svg)");
        Line(r, "");
        Line(r, "## ONNX export");
        Line(r, "");
        Line(r, $"Input `{card.Onnx.InputName}` float[-1, {card.Onnx.FeatureCount}] ({string.Join(", ", card.FeatureNames)}); output `{card.Onnx.OutputName}`. " +
                $"ONNX Runtime vs ML.NET on {card.OnnxParity.Rows} test rows: max |Δp| = {card.OnnxParity.MaxAbsDiff:E2} (tolerance {card.OnnxParity.Tolerance:E0}).");
        return r.ToString();
    }

    private static string S(MetricSummary m) => string.Create(CultureInfo.InvariantCulture, $"{m.Mean:0.0000} ± {m.StdDev:0.0000}");

    private static void Line(StringBuilder r, FormattableString text) => r.AppendLine(text.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder r, string text) => r.AppendLine(text);
}
