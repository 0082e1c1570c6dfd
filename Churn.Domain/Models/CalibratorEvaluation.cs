namespace Churn.Domain.Models;

/// <summary>
/// One post-hoc calibration method as measured by the nested cross-validation over the winner's out-of-fold
/// predictions: fitted on 4/5 of them, scored on the other 1/5 (mean ± standard deviation over those folds).
/// </summary>
public sealed record CalibratorEvaluation
{
    /// <summary><c>none</c> (the learner's own probabilities), <c>platt</c> or <c>isotonic</c>.</summary>
    public required string Method { get; init; }
    public required MetricSummary Brier { get; init; }
    public required MetricSummary Ece { get; init; }
    public required MetricSummary LogLoss { get; init; }
    public required bool Selected { get; init; }
}
