using Churn.Core.Monitoring;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace Churn.Api.Tests;

/// <summary>
/// GET /api/monitoring after the unshifted test file was replayed through the embedded pipeline: a different sample of the
/// training population, so nothing drifts, and live quality is the card's own test-file quality.
/// </summary>
public sealed class TestFileMonitoringTests(MonitoringApiFactory factory) : IClassFixture<MonitoringApiFactory>
{
    [Fact]
    public async Task The_unshifted_test_file_raises_no_drift_alert_or_warning()
    {
        var report = await MonitoringReplay.ReplayAndReadAsync(factory);
        var card = await TrainedModel.CardAsync();

        Assert.Equal(DriftState.Ok, report.AlertState);
        Assert.Empty(report.Alerts);
        Assert.Equal((MonitoringReplay.TestFileRows, card.Version), (report.Events, report.ReferenceModelVersion));
        Assert.Equal(StatisticsFields.Numeric.Select(f => f.Name).Concat(StatisticsFields.Categorical.Select(f => f.Name)),
            report.Features.Select(f => f.Feature));
        Assert.All(report.Features.Where(f => f.Kind == StatisticsFields.NumericKind), f =>
        {
            Assert.Equal(DriftState.Ok, f.State);
            Assert.InRange(f.Psi!.Value, 0, 0.05); // measured: at most 0.036 (the international minutes and charge)
        });
        // 51 states against 2,666 rows: 667 events cannot tell drift from noise (expected noise PSI 0.094), so no verdict.
        var state = report.Features.Single(f => f.Feature == "State");
        Assert.Equal((DriftState.NotEnoughData, 1601), (state.State, state.MinimumEvents));
        Assert.NotNull(state.Psi);
        var predictions = Assert.Single(report.Predictions);
        Assert.Equal((card.Version, DriftState.Ok, MonitoringReplay.TestFileRows), (predictions.ModelVersion, predictions.State, predictions.Events));
        Assert.InRange(predictions.Psi!.Value, 0, 0.1);
    }

    [Fact]
    public async Task Live_quality_equals_a_recomputation_from_the_labelled_rows_and_the_cards_test_metrics()
    {
        var report = await MonitoringReplay.ReplayAndReadAsync(factory);
        var card = await TrainedModel.CardAsync();
        var labelled = await factory.Store.GetLatestAsync(10_000, labelledOnly: true, TestContext.Current.CancellationToken);

        var quality = Assert.Single(report.Quality);
        Assert.Equal((card.Version, MonitoringReplay.TestFileRows, card.TestData.Positives, true),
            (quality.ModelVersion, quality.Labelled, quality.Churners, quality.EnoughLabels));

        // Recomputed here from the stored rows: every (churner, stayer) pair for the AUC, the stored decisions, the squares.
        var churners = labelled.Where(p => p.ActualChurn == true).Select(p => p.ChurnProbability).ToList();
        var stayers = labelled.Where(p => p.ActualChurn == false).Select(p => p.ChurnProbability).ToList();
        var auc = churners.Sum(c => stayers.Sum(s => c > s ? 1.0 : c == s ? 0.5 : 0)) / (churners.Count * stayers.Count);
        int tp = labelled.Count(p => p.PredictedChurn && p.ActualChurn == true), fp = labelled.Count(p => p.PredictedChurn && p.ActualChurn == false);
        int fn = labelled.Count(p => !p.PredictedChurn && p.ActualChurn == true);
        Assert.Equal(auc, quality.Auc!.Value, 12);
        Assert.Equal((double)tp / (tp + fp), quality.Precision!.Value, 12);
        Assert.Equal((double)tp / (tp + fn), quality.Recall!.Value, 12);
        Assert.Equal(labelled.Average(p => Math.Pow(p.ChurnProbability - (p.ActualChurn == true ? 1 : 0), 2)), quality.Brier!.Value, 12);
        Assert.Equal((double)(tp + fp) / labelled.Count, quality.PredictedChurnRate!.Value, 12);
        Assert.Equal(labelled.Average(p => p.ChurnProbability), quality.MeanPredicted!.Value, 12);
        Assert.Equal((double)churners.Count / labelled.Count, quality.ObservedChurnRate!.Value, 12);

        // The same rows scored by the same model: the card's held-out figures (rounded to 6 digits there).
        var holdout = card.HoldoutMetrics;
        Assert.Equal(new ExpectedQuality(holdout.Auc, holdout.Precision, holdout.Recall, holdout.Brier, 95 / 667.0), quality.Expected);
        Assert.Equal(holdout.Auc, quality.Auc.Value, 3);
        Assert.Equal(holdout.Precision, quality.Precision.Value, 5);
        Assert.Equal(holdout.Recall, quality.Recall.Value, 5);
        Assert.Equal(holdout.Brier!.Value, quality.Brier.Value, 4);
    }

    [Fact]
    public async Task The_report_is_exported_as_opentelemetry_gauges()
    {
        var report = await MonitoringReplay.ReplayAndReadAsync(factory);
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var psi = new MetricCollector<double>(meters, MonitoringTelemetry.Name, "churn.monitoring.psi");
        using var predictionPsi = new MetricCollector<double>(meters, MonitoringTelemetry.Name, "churn.monitoring.prediction_psi");
        using var auc = new MetricCollector<double>(meters, MonitoringTelemetry.Name, "churn.monitoring.live_auc");
        using var state = new MetricCollector<int>(meters, MonitoringTelemetry.Name, "churn.monitoring.alert_state");

        psi.RecordObservableInstruments();
        predictionPsi.RecordObservableInstruments();
        auc.RecordObservableInstruments();
        state.RecordObservableInstruments();

        var byFeature = psi.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[MonitoringMetrics.FeatureTag]!, m => m.Value);
        Assert.Equal(report.Features.Where(f => f.Psi is not null).ToDictionary(f => f.Feature, f => f.Psi!.Value), byFeature);
        var prediction = Assert.Single(predictionPsi.GetMeasurementSnapshot());
        Assert.Equal((report.Predictions[0].ModelVersion, report.Predictions[0].Psi), ((string)prediction.Tags[MonitoringMetrics.ModelVersionTag]!, prediction.Value));
        Assert.Equal(report.Quality[0].Auc, Assert.Single(auc.GetMeasurementSnapshot()).Value);
        Assert.Equal(0, Assert.Single(state.GetMeasurementSnapshot()).Value); // 0 = ok
    }
}
