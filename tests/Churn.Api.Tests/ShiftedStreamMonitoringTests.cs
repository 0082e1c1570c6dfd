using Churn.Core.Monitoring;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>
/// GET /api/monitoring after the test file was replayed with every customer's day minutes and day charge 30 % higher
/// (<see cref="ShiftedStreamApiFactory"/>): the shifted fields alert, the others stay quiet, and the predictions move.
/// </summary>
public sealed class ShiftedStreamMonitoringTests(ShiftedStreamApiFactory factory) : IClassFixture<ShiftedStreamApiFactory>
{
    [Fact]
    public async Task Day_minutes_30_percent_higher_raise_the_alert_on_that_feature_and_nowhere_else_in_the_inputs()
    {
        var report = await MonitoringReplay.ReplayAndReadAsync(factory);

        Assert.Equal(DriftState.Alert, report.AlertState);
        var day = report.Features.Single(f => f.Feature == "TotalDayMinutes");
        Assert.Equal(DriftState.Alert, day.State);
        Assert.True(day.Psi > 0.5, $"TotalDayMinutes PSI {day.Psi}"); // measured: 0.735
        Assert.Equal(DriftState.Alert, report.Features.Single(f => f.Feature == "TotalDayCharge").State);
        Assert.All(report.Features.Where(f => f.Feature is not ("TotalDayMinutes" or "TotalDayCharge")),
            f => Assert.Contains(f.State, new[] { DriftState.Ok, DriftState.NotEnoughData }));
        Assert.Equal(MonitoringReportBuilder.AlertText("TotalDayMinutes", day.Psi!.Value, DriftState.Alert, new MonitoringOptions()), report.Alerts[0]);

        // Where it moved: the top decile of training day minutes (> 248.9) now holds about 41 % of the customers.
        var card = await TrainedModel.CardAsync();
        var top = day.Bins[^1];
        Assert.Equal((card.FeatureStatistics["TotalDayMinutes"].Distribution!.Edges[^1], (double?)null), (top.Lower!.Value, top.Upper));
        Assert.InRange(top.Expected, 0.09, 0.11);
        Assert.InRange(top.Actual, 0.35, 0.5);
        Assert.Equal(day.Psi.Value, day.Bins.Sum(b => b.Contribution), 9);
    }

    [Fact]
    public async Task The_predictions_drift_and_live_quality_falls_below_the_cards()
    {
        var report = await MonitoringReplay.ReplayAndReadAsync(factory);
        var card = await TrainedModel.CardAsync();

        var predictions = Assert.Single(report.Predictions);
        Assert.Contains(predictions.State, new[] { DriftState.Warn, DriftState.Alert }); // measured: 0.219, warn
        Assert.True(predictions.MeanPredicted > 0.2, $"mean predicted {predictions.MeanPredicted}"); // 0.146 on the unshifted file
        Assert.Contains(report.Alerts, a => a.StartsWith($"predictions of {card.Version}: PSI", StringComparison.Ordinal));

        // The labels are the customers' real outcomes; the shifted usage fools the model (measured: AUC 0.757, precision 0.39).
        var quality = Assert.Single(report.Quality);
        Assert.True(quality.Auc < card.HoldoutMetrics.Auc - 0.1, $"live AUC {quality.Auc} vs {card.HoldoutMetrics.Auc}");
        Assert.True(quality.Precision < card.HoldoutMetrics.Precision - 0.3, $"live precision {quality.Precision}");
        Assert.True(quality.MeanPredicted > quality.ObservedChurnRate + 0.1, "the model now predicts far more churn than is observed");
    }
}
