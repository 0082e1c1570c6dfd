using Churn.Domain.Customers;

namespace Churn.Domain.Predictions;

/// <summary>
/// A stored prediction (collection <c>churn.predictions</c> / SQLite table <c>predictions</c>). Its identity is
/// <see cref="EventId"/> (MongoDB <c>_id</c>), which makes every write an idempotent upsert.
/// </summary>
public sealed record Prediction
{
    public required string EventId { get; init; }
    public required string CustomerId { get; init; }
    public required string Source { get; init; }
    public required CustomerRecord Customer { get; init; }
    public string State => Customer.State;
    public required double ChurnProbability { get; init; }
    /// <summary>Probability at or above the model card's decision threshold.</summary>
    public required bool PredictedChurn { get; init; }
    public required RiskBand RiskBand { get; init; }
    public required string ModelVersion { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }
    /// <summary>The top reason codes computed when it was scored; null when the model had no explainer, reasons were
    /// off, or the prediction was stored before reasons existed.</summary>
    public PredictionReasons? Reasons { get; init; }
    /// <summary>The actual label when the source had one (replays of labelled files).</summary>
    public bool? ActualChurn => Customer.Churn;
}
