using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.DeadLetters;

/// <summary>
/// What the recorder is doing, for its health check: not yet consuming (the store is not initialised yet), consuming,
/// holding a batch the store keeps refusing (retried, offsets held), or stopped.
/// </summary>
public sealed class DeadLetterRecorderStatus
{
    /// <summary>Failed attempts at one batch (or at the initialisation) that make the recorder Degraded.</summary>
    public const int DegradedAfterFailures = 3;

    private int _failures;
    private volatile bool _consuming, _stopped;
    private volatile string? _lastFailure;
    private long _recorded;

    /// <summary>Dead letters stored since the start.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    internal void Consuming() => _consuming = true;

    internal void AttemptFailed(string reason)
    {
        _lastFailure = reason;
        Interlocked.Increment(ref _failures);
    }

    internal void BatchRecorded(int count)
    {
        Interlocked.Add(ref _recorded, count);
        Interlocked.Exchange(ref _failures, 0);
        _lastFailure = null;
    }

    internal void Stopped() => _stopped = true;

    public HealthCheckResult Check()
    {
        var failures = Volatile.Read(ref _failures);
        return _stopped ? HealthCheckResult.Unhealthy("the dead-letter recorder has stopped")
            : failures >= DegradedAfterFailures ? HealthCheckResult.Degraded(
                $"{failures} failed attempts to store dead letters ({_lastFailure}); retrying, offsets held")
            : !_consuming ? HealthCheckResult.Degraded("not consuming yet (initialising the store)")
            : HealthCheckResult.Healthy($"consuming; {Recorded} dead letters recorded");
    }
}
