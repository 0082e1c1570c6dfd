namespace Churn.Domain.Challenger;

/// <summary>
/// A challenger model's prediction for an event the serving (champion) model scored in the same batch. Stored apart
/// from the predictions (SQLite table <c>shadow_predictions</c>, MongoDB collection <c>shadowPredictions</c>), keyed by
/// <see cref="EventId"/> and <see cref="ModelVersion"/>, and never shown as the decision.
/// </summary>
public sealed record ShadowPrediction
{
    public required string EventId { get; init; }
    public required string CustomerId { get; init; }

    /// <summary>The challenger's version.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The version of the serving model that scored the same event in the same batch.</summary>
    public required string ChampionVersion { get; init; }

    public required double ChurnProbability { get; init; }

    /// <summary>Probability at or above the challenger card's own threshold.</summary>
    public required bool PredictedChurn { get; init; }

    /// <summary>The actual label when the source had one (replays of labelled files).</summary>
    public bool? ActualChurn { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }
}
