using Churn.Domain.Models;
using Churn.Trainer.Candidates;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Spectre.Console;

namespace Churn.Trainer.Reporting;

/// <summary>Live console output while the Trainer works: one line per step, a leaderboard row as each candidate finishes.</summary>
public sealed class ConsoleProgress(TextWriter output)
{
    private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    public void DataLoaded(LabelledData train, LabelledData test)
    {
        Describe("training", train);
        Describe("test", test);
    }

    public void CandidateStarted(Candidate candidate, int number, int count) =>
        console.MarkupLine($"[grey]cross-validating {number}/{count}[/] [bold]{Markup.Escape(candidate.Name)}[/] [grey]({CrossValidation.Repeats}×{CrossValidation.FoldCount} folds)…[/]");

    public void CandidateFinished(CrossValidationResult result) =>
        console.MarkupLine(Markup.Escape(
            $"  AUC {Format(result.Summary(m => m.Auc))}  AUC-PR {Format(result.Summary(m => m.AucPr))}  F1 {Format(result.Summary(m => m.F1))}  " +
            $"acc {Format(result.Summary(m => m.Accuracy))}  log-loss {Format(result.Summary(m => m.LogLoss))}  ({result.Seconds:0.0} s)"));

    public void Selected(CrossValidationResult winner, double threshold) =>
        console.MarkupLine($"selected [bold green]{Markup.Escape(winner.Candidate.Name)}[/] ({Markup.Escape(ModelSelection.Rule)}); threshold {threshold:0.####} from out-of-fold F1");

    public void Finished(ModelCard card, string directory)
    {
        var h = card.HoldoutMetrics;
        var table = new Table().Title("held-out test (evaluated once)")
            .AddColumns("AUC", "accuracy", "precision", "recall", "F1", "log-loss", "TP/FP/FN/TN");
        table.AddRow($"{h.Auc:0.0000}", $"{h.Accuracy:0.0000}", $"{h.Precision:0.0000}", $"{h.Recall:0.0000}", $"{h.F1:0.0000}", $"{h.LogLoss:0.0000}",
            $"{h.ConfusionMatrix.TruePositives}/{h.ConfusionMatrix.FalsePositives}/{h.ConfusionMatrix.FalseNegatives}/{h.ConfusionMatrix.TrueNegatives}");
        console.Write(table);
        console.MarkupLine($"ONNX parity: max |Δp| {card.OnnxParity.MaxAbsDiff:E2} over {card.OnnxParity.Rows} rows");
        console.MarkupLine($"model [bold]{Markup.Escape(card.Version)}[/] written to {Markup.Escape(Path.GetFullPath(directory))} in {card.TrainingSeconds:0.0} s");
    }

    private void Describe(string role, LabelledData data) =>
        console.MarkupLine(Markup.Escape($"{role}: {data.Path} — {data.Customers.Count} rows, {data.Positives} churners" +
            (data.RejectedRows > 0 ? $", {data.RejectedRows} rows rejected by the contract" : "")));

    private static string Format(MetricSummary m) => $"{m.Mean:0.000}±{m.StdDev:0.000}";
}
