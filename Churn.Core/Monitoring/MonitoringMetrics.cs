using System.Diagnostics.Metrics;
using Churn.Domain.Monitoring;

namespace Churn.Core.Monitoring;

/// <summary>
/// Instruments of the <c>Churn.Monitoring</c> meter: observable gauges over the last computed report (nothing is computed
/// when they are read). One per DI container (created from <see cref="IMeterFactory"/>).
/// </summary>
public sealed class MonitoringMetrics
{
    public const string FeatureTag = "churn.feature";
    public const string ModelVersionTag = "model.version";

    private MonitoringReport? _report;

    public MonitoringMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MonitoringTelemetry.Name);
        meter.CreateObservableGauge("churn.monitoring.alert_state", ObserveAlertState, "{state}",
            "Overall drift state: 0 ok, 1 warn (a PSI above 0.1), 2 alert (a PSI above 0.25), -1 not enough data or no reference.");
        meter.CreateObservableGauge<int>("churn.monitoring.window.events", () => Report is { } r ? [new Measurement<int>(r.Events)] : [],
            "{event}", "Scored events in the sliding window the drift is measured on.");
        meter.CreateObservableGauge("churn.monitoring.psi", ObserveFeatures, "1",
            "Population stability index of a customer field over the window against the training file.");
        meter.CreateObservableGauge("churn.monitoring.prediction_psi", ObservePredictions, "1",
            "Population stability index of a model version's predicted probabilities against its out-of-fold reference.");
        Quality(meter, "churn.monitoring.live_auc", q => q.Auc, "Live AUC on the labelled predictions of the quality window.");
        Quality(meter, "churn.monitoring.live_precision", q => q.Precision, "Live precision of the stored decisions.");
        Quality(meter, "churn.monitoring.live_recall", q => q.Recall, "Live recall of the stored decisions.");
        Quality(meter, "churn.monitoring.live_brier", q => q.Brier, "Live Brier score (mean squared error of the probabilities).");
        Quality(meter, "churn.monitoring.predicted_churn_rate", q => q.MeanPredicted, "Mean predicted churn probability of the labelled predictions.");
        Quality(meter, "churn.monitoring.observed_churn_rate", q => q.ObservedChurnRate, "Observed churn rate of the labelled predictions.");
        meter.CreateObservableGauge("churn.monitoring.labelled", ObserveLabelled, "{prediction}",
            "Labelled predictions of a model version in the quality window.");
    }

    /// <summary>The report the gauges show.</summary>
    public MonitoringReport? Report => Volatile.Read(ref _report);

    internal void Publish(MonitoringReport report) => Volatile.Write(ref _report, report);

    public static int StateValue(DriftState state) => state switch
    {
        DriftState.Ok => 0,
        DriftState.Warn => 1,
        DriftState.Alert => 2,
        _ => -1,
    };

    private IEnumerable<Measurement<int>> ObserveAlertState() =>
        Report is { } r ? [new Measurement<int>(StateValue(r.AlertState))] : [];

    private IEnumerable<Measurement<double>> ObserveFeatures() =>
        Report?.Features.Where(f => f.Psi is not null)
            .Select(f => new Measurement<double>(f.Psi!.Value, new KeyValuePair<string, object?>(FeatureTag, f.Feature))) ?? [];

    private IEnumerable<Measurement<double>> ObservePredictions() =>
        Report?.Predictions.Where(p => p.Psi is not null)
            .Select(p => new Measurement<double>(p.Psi!.Value, new KeyValuePair<string, object?>(ModelVersionTag, p.ModelVersion))) ?? [];

    private IEnumerable<Measurement<int>> ObserveLabelled() =>
        Report?.Quality.Select(q => new Measurement<int>(q.Labelled, new KeyValuePair<string, object?>(ModelVersionTag, q.ModelVersion))) ?? [];

    private void Quality(Meter meter, string name, Func<LiveQuality, double?> value, string description) =>
        meter.CreateObservableGauge(name, () => Report?.Quality
            .Where(q => value(q) is not null)
            .Select(q => new Measurement<double>(value(q)!.Value, new KeyValuePair<string, object?>(ModelVersionTag, q.ModelVersion))) ?? [],
            "1", description);
}
