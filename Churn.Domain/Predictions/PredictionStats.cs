using Churn.Domain.Retention;

namespace Churn.Domain.Predictions;

public sealed record PredictionStats
{
    public required long Total { get; init; }
    public required long PredictedChurn { get; init; }
    public double PredictedChurnRate => Total == 0 ? 0 : (double)PredictedChurn / Total;
    public required IReadOnlyDictionary<RiskBand, long> ByRiskBand { get; init; }
    public required IReadOnlyList<StateStats> ByState { get; init; }
    /// <summary>Counts of probabilities in equal-width bins over [0, 1].</summary>
    public required IReadOnlyList<long> ProbabilityHistogram { get; init; }
    public required IReadOnlyList<ThroughputPoint> Throughput { get; init; }
    /// <summary>Confusion counts over predictions whose actual label is known.</summary>
    public required LabelledOutcomes Labelled { get; init; }
    /// <summary>Each customer's latest prediction (<see cref="StatsQuery.ContactAbove"/> sets the contactable cut); the stores always fill it.</summary>
    public CurrentRisk? Current { get; init; }
    /// <summary>Value at risk and the best campaign, from <see cref="Current"/> with the deployment's economics: filled by the Api, not by the stores.</summary>
    public RetentionSummary? Retention { get; init; }
}
