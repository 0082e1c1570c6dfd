namespace Churn.Domain.Monitoring;

/// <summary>
/// How one model version does on the labelled predictions of the quality window (the label is known when the source had
/// it, e.g. a replayed labelled file): ranking (AUC), decisions at the card's threshold as they were stored (precision,
/// recall), calibration (Brier score, mean predicted vs observed churn rate), and the card's test-file figures to compare.
/// The metrics are null while <see cref="Labelled"/> is below the minimum (<see cref="EnoughLabels"/> false), and AUC and
/// recall also without a churner, AUC and precision without a stayer or a predicted churner.
/// </summary>
public sealed record LiveQuality
{
    public required string ModelVersion { get; init; }
    public required int Labelled { get; init; }
    public required int Churners { get; init; }
    public required bool EnoughLabels { get; init; }
    public double? Auc { get; init; }
    public double? Precision { get; init; }
    public double? Recall { get; init; }
    public double? Brier { get; init; }
    /// <summary>Share of the labelled predictions at or above the threshold.</summary>
    public double? PredictedChurnRate { get; init; }
    /// <summary>Mean predicted probability: what the model expects the churn rate to be.</summary>
    public double? MeanPredicted { get; init; }
    /// <summary>Share of the labelled customers who churned.</summary>
    public double? ObservedChurnRate { get; init; }
    /// <summary>The card's held-out figures (null when the version's card is unknown here).</summary>
    public ExpectedQuality? Expected { get; init; }
}
