using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Worker;

/// <summary>
/// What the consume loop is doing, for its health check: not yet consuming (waiting for a model), consuming, holding
/// a batch that keeps failing (a store or dead-letter outage, a batch failure: retried, offsets held), or stopped.
/// </summary>
public sealed class ScoringWorkerStatus(TimeProvider time)
{
    /// <summary>A batch unwritten for longer than this makes the worker Degraded.</summary>
    public static readonly TimeSpan StuckBatch = TimeSpan.FromSeconds(30);

    /// <summary>Failed attempts at the current batch that make the worker Degraded at once.</summary>
    public const int DegradedAfterFailures = 3;

    private long _consumingSince = -1, _batchSince = -1;
    private int _batchSize, _failures;
    private volatile string? _lastFailure;
    private volatile bool _stopped;

    internal void Consuming() => Interlocked.CompareExchange(ref _consumingSince, time.GetUtcNow().UtcTicks, -1);

    internal void BatchStarted(int size)
    {
        _batchSize = size;
        Interlocked.CompareExchange(ref _batchSince, time.GetUtcNow().UtcTicks, -1);
    }

    /// <summary>One attempt at the current batch failed (a retry follows).</summary>
    internal void AttemptFailed(string reason)
    {
        _lastFailure = reason;
        Interlocked.Increment(ref _failures);
    }

    internal void BatchWritten()
    {
        Interlocked.Exchange(ref _batchSince, -1);
        Interlocked.Exchange(ref _failures, 0);
        _lastFailure = null;
    }

    internal void Stopped() => _stopped = true;

    /// <summary>How long the current batch has been unwritten; zero when there is none.</summary>
    public TimeSpan UnwrittenFor()
    {
        var batchSince = Interlocked.Read(ref _batchSince);
        return batchSince < 0 ? TimeSpan.Zero : time.GetUtcNow() - new DateTimeOffset(batchSince, TimeSpan.Zero);
    }

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
        var unwritten = UnwrittenFor();
        var failures = Volatile.Read(ref _failures);
        return unwritten > StuckBatch || failures >= DegradedAfterFailures
            ? HealthCheckResult.Degraded($"a batch of {_batchSize} records has been unwritten for {unwritten.TotalSeconds:0} s " +
                $"after {failures} failed attempts ({_lastFailure ?? "no failure yet"}); retrying, offsets held")
            : HealthCheckResult.Healthy("consuming");
    }
}
