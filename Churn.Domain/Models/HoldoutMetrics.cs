namespace Churn.Domain.Models;

public sealed record HoldoutMetrics
{
    public required double Auc { get; init; }
    public required double AucPr { get; init; }
    public required double Accuracy { get; init; }
    public required double Precision { get; init; }
    public required double Recall { get; init; }
    public required double F1 { get; init; }
    public required double LogLoss { get; init; }
    public required ConfusionMatrix ConfusionMatrix { get; init; }
    public required IReadOnlyList<RocPoint> Roc { get; init; }
    /// <summary>Mean squared error of the probabilities (absent from cards written before calibration was measured).</summary>
    public double? Brier { get; init; }
    /// <summary>Expected calibration error over <see cref="Reliability"/>'s 10 equal-width bins, weighted by count.</summary>
    public double? Ece { get; init; }
    /// <summary>The reliability diagram on the test file: its non-empty bins of width 0.1, lowest first.</summary>
    public IReadOnlyList<ReliabilityBin>? Reliability { get; init; }
}
