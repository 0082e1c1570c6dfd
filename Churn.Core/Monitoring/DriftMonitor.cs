using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Domain.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Monitoring;

/// <summary>
/// Computes the <see cref="MonitoringReport"/> from the prediction store, so it is right in every mode: the store holds
/// what every scoring replica wrote, with each prediction's customer record and label. The features' reference is the
/// serving model's card (else the newest registered one); prediction drift and quality use each version's own card.
/// A report is reused for <see cref="MonitoringOptions.CacheDuration"/> (one computation however many callers; a failed
/// one is not kept), recomputed every <see cref="MonitoringOptions.RefreshInterval"/> in the background so the gauges
/// (<see cref="MonitoringMetrics"/>) stay current without callers.
/// </summary>
public sealed partial class DriftMonitor(IPredictionStore store, ModelProvider models, IOptions<MonitoringOptions> options,
    MonitoringMetrics metrics, TimeProvider time, ILogger<DriftMonitor> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private (Task<MonitoringReport> Report, DateTimeOffset Expires)? _entry;

    public Task<MonitoringReport> GetAsync(CancellationToken cancellationToken)
    {
        var duration = options.Value.CacheDuration;
        if (duration <= TimeSpan.Zero) return ComputeAsync(cancellationToken);
        Task<MonitoringReport> report;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_entry is not { } entry || entry.Expires <= now || entry.Report.IsFaulted || entry.Report.IsCanceled)
            {
                _entry = entry = (ComputeAsync(CancellationToken.None), now + duration);
            }
            report = entry.Report;
        }
        // The computation is shared: a caller that leaves stops waiting for it, not the computation.
        return report.WaitAsync(cancellationToken);
    }

    private async Task<MonitoringReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var window = store.GetLatestAsync(o.WindowSize, labelledOnly: false, cancellationToken);
        var labelled = store.GetLatestAsync(o.QualityWindowSize, labelledOnly: true, cancellationToken);
        var cards = store.GetModelsAsync(cancellationToken);
        await Task.WhenAll(window, labelled, cards).ConfigureAwait(false);
        var reference = models.Current?.Card ?? cards.Result.FirstOrDefault();
        var report = MonitoringReportBuilder.Build(window.Result, labelled.Result, reference, cards.Result, o, time.GetUtcNow());
        metrics.Publish(report);
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var report = await GetAsync(stoppingToken).ConfigureAwait(false);
                if (report.AlertState is DriftState.Warn or DriftState.Alert) LogDrift(report.AlertState, string.Join("; ", report.Alerts));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift {State}: {Alerts}")]
    private partial void LogDrift(DriftState state, string alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monitoring report could not be computed; the gauges keep the last one")]
    private partial void LogRefreshFailed(Exception exception);
}
