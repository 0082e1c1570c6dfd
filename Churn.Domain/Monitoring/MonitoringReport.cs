namespace Churn.Domain.Monitoring;

/// <summary>
/// GET /api/monitoring: drift of the inputs and of the predictions over the sliding window of the most recently scored
/// events, live quality per model version from the labelled ones, and the overall alert state with its reasons.
/// </summary>
public sealed record MonitoringReport
{
    public required DateTimeOffset ComputedAt { get; init; }
    /// <summary>The worst state of every feature and prediction drift that could be judged; <c>NotEnoughData</c> when none could.</summary>
    public required DriftState AlertState { get; init; }
    /// <summary>One sentence per distribution above the warn threshold, worst first.</summary>
    public required IReadOnlyList<string> Alerts { get; init; }
    public required MonitoringSettings Settings { get; init; }
    /// <summary>Events in the window (at most the window size).</summary>
    public required int Events { get; init; }
    public DateTimeOffset? WindowFrom { get; init; }
    public DateTimeOffset? WindowTo { get; init; }
    /// <summary>The card whose training statistics are the features' reference (the serving model's).</summary>
    public string? ReferenceModelVersion { get; init; }
    public required IReadOnlyList<FeatureDrift> Features { get; init; }
    public required IReadOnlyList<PredictionDrift> Predictions { get; init; }
    public required IReadOnlyList<LiveQuality> Quality { get; init; }
}
