using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Monitoring;

/// <summary>Drift and live-quality monitoring (configuration section <c>Churn:Monitoring</c>), validated at start.</summary>
public sealed record MonitoringOptions : IValidatableObject
{
    public const string SectionName = "Churn:Monitoring";

    /// <summary>The sliding window: this many most recently scored events are compared with the reference.</summary>
    [Range(10, 100_000)]
    public int WindowSize { get; init; } = 2_000;

    /// <summary>
    /// No distribution is judged on fewer events. A distribution with many bins needs more (its own minimum keeps the
    /// expected PSI of sampling noise at half the warn threshold), so this is a floor, not the rule.
    /// </summary>
    [Range(10, 100_000)]
    public int MinimumEvents { get; init; } = 200;

    /// <summary>PSI above this is a warning.</summary>
    [Range(0.001, 10)]
    public double WarnPsi { get; init; } = 0.1;

    /// <summary>PSI above this is an alert.</summary>
    [Range(0.001, 10)]
    public double AlertPsi { get; init; } = 0.25;

    /// <summary>The most recent labelled predictions live quality is measured on (grouped by model version).</summary>
    [Range(10, 100_000)]
    public int QualityWindowSize { get; init; } = 5_000;

    /// <summary>A model version's live quality is reported from this many labelled predictions on ("not enough labels" below).</summary>
    [Range(1, 100_000)]
    public int MinimumLabelled { get; init; } = 100;

    /// <summary>How long GET /api/monitoring (and the gauges) answer from the last computation; 0 computes per request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the report is recomputed in the background so the gauges stay current; 0 = only on request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AlertPsi <= WarnPsi)
        {
            yield return new ValidationResult($"AlertPsi ({AlertPsi}) must be above WarnPsi ({WarnPsi}).", [nameof(AlertPsi)]);
        }
    }
}
