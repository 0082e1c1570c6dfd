using Churn.Domain.Models;
using Churn.Trainer.Candidates;

namespace Churn.Trainer.Evaluation;

/// <summary>
/// A candidate's cross-validation result: metrics of every held-out fold (threshold metrics at 0.5) and the pooled
/// out-of-fold probabilities with their labels (one copy of the training file per repeat).
/// </summary>
public sealed record CrossValidationResult(
    Candidate Candidate, IReadOnlyList<BinaryMetrics> Folds, float[] OutOfFold, bool[] OutOfFoldLabels, double Seconds)
{
    public MetricSummary Summary(Func<BinaryMetrics, double> metric) => Summaries.Of(Folds.Select(metric));
}
