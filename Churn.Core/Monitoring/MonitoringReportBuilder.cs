using System.Globalization;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;

namespace Churn.Core.Monitoring;

/// <summary>
/// One monitoring report from the window (most recently scored predictions), the labelled window and the model cards:
/// feature drift against <paramref name="reference"/>'s training statistics, prediction drift and live quality per
/// version against each version's own card, and the overall state.
/// </summary>
public static class MonitoringReportBuilder
{
    public static MonitoringReport Build(IReadOnlyList<Prediction> window, IReadOnlyList<Prediction> labelled, ModelCard? reference,
        IReadOnlyList<ModelCard> cards, MonitoringOptions options, DateTimeOffset now)
    {
        var byVersion = cards.GroupBy(c => c.Version, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (reference is not null) byVersion[reference.Version] = reference;
        ModelCard? CardOf(string version) => byVersion.GetValueOrDefault(version);

        var features = FeatureDriftCalculator.Compute(reference, [.. window.Select(p => p.Customer)], options);
        var predictions = PredictionDriftCalculator.Compute(window, CardOf, options);
        var states = features.Select(f => f.State).Concat(predictions.Select(p => p.State)).ToList();
        var alerts = features.Select(f => (Name: f.Feature, f.Psi, f.State))
            .Concat(predictions.Select(p => (Name: $"predictions of {p.ModelVersion}", p.Psi, p.State)))
            .Where(d => d.State is DriftState.Warn or DriftState.Alert)
            .OrderByDescending(d => d.Psi)
            .Select(d => AlertText(d.Name, d.Psi!.Value, d.State, options))
            .ToList();
        return new MonitoringReport
        {
            ComputedAt = now,
            AlertState = Overall(states),
            Alerts = alerts,
            Settings = new MonitoringSettings
            {
                WindowSize = options.WindowSize, MinimumEvents = options.MinimumEvents, WarnPsi = options.WarnPsi,
                AlertPsi = options.AlertPsi, Epsilon = PopulationStability.Epsilon, QualityWindowSize = options.QualityWindowSize,
                MinimumLabelled = options.MinimumLabelled,
            },
            Events = window.Count,
            WindowFrom = window.Count == 0 ? null : window.Min(p => p.ScoredAt),
            WindowTo = window.Count == 0 ? null : window.Max(p => p.ScoredAt),
            ReferenceModelVersion = reference?.Version,
            Features = features,
            Predictions = predictions,
            Quality = LiveQualityCalculator.Compute(labelled, CardOf, options),
        };
    }

    /// <summary>The sentence of <see cref="MonitoringReport.Alerts"/> for a distribution above the warn threshold.</summary>
    public static string AlertText(string name, double psi, DriftState state, MonitoringOptions options) =>
        state == DriftState.Alert
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: PSI {psi:0.000} > {options.AlertPsi} (alert)")
            : string.Create(CultureInfo.InvariantCulture, $"{name}: PSI {psi:0.000} > {options.WarnPsi} (warn)");

    /// <summary>The worst judged state; NotEnoughData when nothing could be judged yet, NoReference when nothing ever can.</summary>
    public static DriftState Overall(IReadOnlyCollection<DriftState> states) =>
        states.Contains(DriftState.Alert) ? DriftState.Alert
        : states.Contains(DriftState.Warn) ? DriftState.Warn
        : states.Contains(DriftState.Ok) ? DriftState.Ok
        : states.Count == 0 || states.Contains(DriftState.NotEnoughData) ? DriftState.NotEnoughData
        : DriftState.NoReference;
}
