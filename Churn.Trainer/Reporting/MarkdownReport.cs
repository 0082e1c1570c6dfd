using System.Globalization;
using System.Text;
using Churn.Domain.Models;

namespace Churn.Trainer.Reporting;

/// <summary>
/// The human-readable training report: leaderboard (with calibration), selection, calibrator, threshold, test metrics,
/// confusion matrix, ROC, reliability.
/// </summary>
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
        Line(r, "F1 and accuracy per fold at threshold 0.5; mean ± standard deviation over the folds. Brier score and expected " +
                "calibration error (ECE, 10 equal-width bins weighted by count) of the learners' own probabilities.");
        Line(r, "");
        Line(r, "| candidate | algorithm | AUC | AUC-PR | F1 | accuracy | log-loss | Brier | ECE | seconds | |");
        Line(r, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var e in card.Leaderboard)
        {
            Line(r, $"| {e.Candidate} | {e.Algorithm} | {S(e.Auc)} | {S(e.AucPr)} | {S(e.F1)} | {S(e.Accuracy)} | {S(e.LogLoss)} | {S(e.Brier)} | {S(e.Ece)} | {e.Seconds:0.0} | {(e.Selected ? "**selected**" : "")} |");
        }
        Line(r, "");
        Line(r, $"Selection rule: {card.SelectionRule}. Winner: **{card.Algorithm}** ({string.Join(", ", card.Hyperparameters.Select(p => $"{p.Key} {p.Value}"))}).");
        Line(r, "");
        CalibrationSection(r, card.Calibration);
        Line(r, $"Decision threshold: **{card.Threshold:0.####}** — {card.ThresholdRule}.");
        Line(r, "");
        Line(r, "## Held-out test metrics (evaluated once)");
        Line(r, "");
        Line(r, "| AUC | AUC-PR | accuracy | precision | recall | F1 | log-loss | Brier | ECE |");
        Line(r, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Line(r, $"| {h.Auc:0.0000} | {h.AucPr:0.0000} | {h.Accuracy:0.0000} | {h.Precision:0.0000} | {h.Recall:0.0000} | {h.F1:0.0000} | {h.LogLoss:0.0000} | {D(h.Brier, "0.00000")} | {D(h.Ece, "0.0000")} |");
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
        ReliabilitySection(r, h.Reliability);
        Line(r, "## ONNX export");
        Line(r, "");
        Line(r, $"Input `{card.Onnx.InputName}` float[-1, {card.Onnx.FeatureCount}] ({string.Join(", ", card.FeatureNames)}); output `{card.Onnx.OutputName}`. " +
                $"ONNX Runtime vs ML.NET on {card.OnnxParity.Rows} test rows: max |Δp| = {card.OnnxParity.MaxAbsDiff:E2} (tolerance {card.OnnxParity.Tolerance:E0}).");
        return r.ToString();
    }

    private static void CalibrationSection(StringBuilder r, CalibrationChoice? calibration)
    {
        if (calibration is null)
        {
            return;
        }
        Line(r, $"Post-hoc calibration of the winner — {calibration.Rule}:");
        Line(r, "");
        Line(r, "| method | Brier | ECE | log-loss | |");
        Line(r, "| --- | --- | --- | --- | --- |");
        foreach (var c in calibration.Compared)
        {
            Line(r, $"| {c.Method} | {S(c.Brier, "0.00000")} | {S(c.Ece)} | {S(c.LogLoss)} | {(c.Selected ? "**serves**" : "")} |");
        }
        Line(r, "");
        Line(r, $"Serving calibrator: **{Describe(calibration.Serving)}**, applied by the serving scorer after the ONNX graph's output.");
        Line(r, "");
    }

    private static void ReliabilitySection(StringBuilder r, IReadOnlyList<ReliabilityBin>? bins)
    {
        if (bins is null)
        {
            return;
        }
        Line(r, "Reliability on the test file (bins of width 0.1; empty bins left out):");
        Line(r, "");
        Line(r, "| bin | customers | mean predicted | observed churn share |");
        Line(r, "| --- | --- | --- | --- |");
        foreach (var b in bins)
        {
            Line(r, $"| {b.Lower:0.0}–{b.Upper:0.0} | {b.Count} | {b.MeanPredicted:0.0000} | {b.ObservedRate:0.0000} |");
        }
        Line(r, "");
        Line(r, "![Reliability diagram on the test file](reliability.svg)");
        Line(r, "");
    }

    private static string Describe(ProbabilityCalibrator calibrator) => calibrator.Method switch
    {
        ProbabilityCalibrator.PlattMethod => string.Create(CultureInfo.InvariantCulture,
            $"Platt on the logit, slope {calibrator.Platt!.Slope:0.####}, intercept {calibrator.Platt.Intercept:0.####}"),
        ProbabilityCalibrator.IsotonicMethod => $"isotonic, {calibrator.Isotonic!.Inputs.Count} knots",
        _ => "none (the learner's own probabilities)",
    };

    private static string S(MetricSummary? m, string format = "0.0000") =>
        m is null ? "—" : $"{m.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {m.StdDev.ToString(format, CultureInfo.InvariantCulture)}";

    private static string D(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "—";

    private static void Line(StringBuilder r, FormattableString text) => r.AppendLine(text.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder r, string text) => r.AppendLine(text);
}
