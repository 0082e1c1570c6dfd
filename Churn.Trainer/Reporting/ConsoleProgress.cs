using Churn.Domain.Models;
using Churn.Trainer.Candidates;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Spectre.Console;

namespace Churn.Trainer.Reporting;

/// <summary>Live console output while the Trainer works: one line per step, a leaderboard row as each candidate finishes.</summary>
public sealed class ConsoleProgress(TextWriter output)
{
    private readonly IAnsiConsole console = Create(output);

    public void DataLoaded(string role, LabelledData data) =>
        console.MarkupLine(Markup.Escape($"{role}: {data.Path} — {data.Customers.Count} rows, {data.Positives} churners" +
            (data.RejectedRows > 0 ? $", {data.RejectedRows} rows rejected by the contract" : "")));

    public void CandidateStarted(Candidate candidate, int number, int count) =>
        console.MarkupLine($"[grey]cross-validating {number}/{count}[/] [bold]{Markup.Escape(candidate.Name)}[/] [grey]({CrossValidation.Repeats}×{CrossValidation.FoldCount} folds)…[/]");

    public void CandidateFinished(CrossValidationResult result) =>
        console.MarkupLine(Markup.Escape(
            $"  AUC {Format(result.Summary(m => m.Auc))}  AUC-PR {Format(result.Summary(m => m.AucPr))}  F1 {Format(result.Summary(m => m.F1))}  " +
            $"acc {Format(result.Summary(m => m.Accuracy))}  log-loss {Format(result.Summary(m => m.LogLoss))}  " +
            $"Brier {Format(result.Summary(m => m.Brier), "0.0000")}  ECE {Format(result.Summary(m => m.Ece), "0.0000")}  ({result.Seconds:0.0} s)"));

    public void Selected(CrossValidationResult winner, CalibrationChoice calibration, double threshold)
    {
        console.MarkupLine($"selected [bold green]{Markup.Escape(winner.Candidate.Name)}[/] ({Markup.Escape(ModelSelection.Rule)})");
        var table = new Table().Title("post-hoc calibration of the winner (nested CV over its out-of-fold predictions)")
            .AddColumns("method", "Brier", "ECE", "log-loss", "");
        foreach (var c in calibration.Compared)
        {
            table.AddRow(c.Method, Format(c.Brier, "0.00000"), Format(c.Ece, "0.0000"), Format(c.LogLoss, "0.0000"), c.Selected ? "chosen" : "");
        }
        console.Write(table);
        var pooled = winner.OutOfFold.Select(calibration.Serving.Apply).ToArray();
        var f1 = BinaryMetrics.Compute(winner.OutOfFoldLabels, pooled, threshold);
        console.MarkupLine(Markup.Escape($"calibrator {calibration.Serving.Method}; threshold {threshold:0.####} from out-of-fold F1 " +
            $"(pooled out-of-fold at it: F1 {f1.F1:0.0000}, accuracy {f1.Accuracy:0.0000}, AUC {f1.Auc:0.0000}, Brier {f1.Brier:0.00000}, ECE {f1.Ece:0.0000})"));
    }

    public void Finished(ModelCard card, string directory)
    {
        var h = card.HoldoutMetrics;
        var table = new Table().Title("held-out test (evaluated once)")
            .AddColumns("AUC", "accuracy", "precision", "recall", "F1", "log-loss", "Brier", "ECE", "TP/FP/FN/TN");
        table.AddRow($"{h.Auc:0.0000}", $"{h.Accuracy:0.0000}", $"{h.Precision:0.0000}", $"{h.Recall:0.0000}", $"{h.F1:0.0000}", $"{h.LogLoss:0.0000}",
            $"{h.Brier:0.00000}", $"{h.Ece:0.0000}",
            $"{h.ConfusionMatrix.TruePositives}/{h.ConfusionMatrix.FalsePositives}/{h.ConfusionMatrix.FalseNegatives}/{h.ConfusionMatrix.TrueNegatives}");
        console.Write(table);
        console.MarkupLine($"ONNX parity: max |Δp| {card.OnnxParity.MaxAbsDiff:E2} over {card.OnnxParity.Rows} rows");
        console.MarkupLine($"model [bold]{Markup.Escape(card.Version)}[/] written to {Markup.Escape(Path.GetFullPath(directory))} in {card.TrainingSeconds:0.0} s");
    }

    /// <summary>The end of a <c>--cv-only</c> run: nothing was written and the test file was not read.</summary>
    public void DevelopedOnly() =>
        console.MarkupLine("[grey]--cv-only: the test file was not read and nothing was written.[/]");

    /// <summary>Redirected output (CI logs, files, tests) has no terminal width: lay it out 160 wide instead of Spectre's 80.</summary>
    private static IAnsiConsole Create(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }
        return console;
    }

    private static string Format(MetricSummary m, string format = "0.000") =>
        $"{m.Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}±{m.StdDev.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
