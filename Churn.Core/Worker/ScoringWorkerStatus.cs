using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Worker;

/// <summary>
/// What the consume loop is doing, for its health check: not yet consuming (waiting for a model), consuming, holding
/// an unwritten batch (a store or dead-letter outage being retried, offsets held), or stopped.
/// </summary>
public sealed class ScoringWorkerStatus(TimeProvider time)
{
    /// <summary>A batch unwritten for longer than this makes the worker Degraded.</summary>
    public static readonly TimeSpan StuckBatch = TimeSpan.FromSeconds(30);

    private long _consumingSince = -1, _batchSince = -1;
    private int _batchSize;
    private volatile bool _stopped;

    internal void Consuming() => Interlocked.CompareExchange(ref _consumingSince, time.GetUtcNow().UtcTicks, -1);

    internal void BatchStarted(int size)
    {
        _batchSize = size;
        Interlocked.Exchange(ref _batchSince, time.GetUtcNow().UtcTicks);
    }

    internal void BatchWritten() => Interlocked.Exchange(ref _batchSince, -1);

    internal void Stopped() => _stopped = true;

    public HealthCheckResult Check()
    {
        if (_stopped)
        {
            return HealthCheckResult.Unhealthy("the consume loop has stopped");
        }
        if (Interlocked.Read(ref _consumingSince) < 0)
        {
            return HealthCheckResult.Degraded("not consuming yet (waiting for a model and the store)");
        }
        var batchSince = Interlocked.Read(ref _batchSince);
        var unwritten = batchSince < 0 ? TimeSpan.Zero : time.GetUtcNow() - new DateTimeOffset(batchSince, TimeSpan.Zero);
        return unwritten > StuckBatch
            ? HealthCheckResult.Degraded(
                $"a batch of {_batchSize} records has been unwritten for {unwritten.TotalSeconds:0} s (retrying; offsets held)")
            : HealthCheckResult.Healthy("consuming");
    }
}
