namespace Churn.Domain.Predictions;

public sealed record PredictionQuery
{
    public const int MaxPageSize = 200;

    public string? State { get; init; }
    public RiskBand? RiskBand { get; init; }
    public bool? PredictedChurn { get; init; }
    public double? MinProbability { get; init; }
    public string? CustomerId { get; init; }
    /// <summary>Inclusive lower bound on <see cref="Prediction.ScoredAt"/>.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Exclusive upper bound on <see cref="Prediction.ScoredAt"/>.</summary>
    public DateTimeOffset? To { get; init; }
    public PredictionSort Sort { get; init; } = PredictionSort.ScoredAtDesc;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
