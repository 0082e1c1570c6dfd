namespace Churn.Domain.Models;

public sealed record LeaderboardEntry
{
    public required string Candidate { get; init; }
    public required string Algorithm { get; init; }
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
    public required MetricSummary Auc { get; init; }
    public required MetricSummary AucPr { get; init; }
    public required MetricSummary F1 { get; init; }
    public required MetricSummary Accuracy { get; init; }
    public required MetricSummary LogLoss { get; init; }
    /// <summary>Cross-validated Brier score (absent from cards written before calibration was measured).</summary>
    public MetricSummary? Brier { get; init; }
    /// <summary>Cross-validated expected calibration error (10 equal-width bins, weighted by count).</summary>
    public MetricSummary? Ece { get; init; }
    public required double Seconds { get; init; }
    public required bool Selected { get; init; }
}
