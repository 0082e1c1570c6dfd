namespace Churn.Core.Ingest;

/// <summary>
/// Holds a loop to <c>eventsPerSecond</c> on average: the n-th event is due at start + n / rate; the caller waits only
/// when it is ahead by a millisecond or more (timer resolution), so short bursts even out. 0 = no pacing.
/// </summary>
internal sealed class RatePacer(double eventsPerSecond, TimeProvider time)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(1);
    private readonly long _start = time.GetTimestamp();
    private long _count;

    public ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (eventsPerSecond <= 0)
        {
            return ValueTask.CompletedTask;
        }
        var due = TimeSpan.FromSeconds(_count++ / eventsPerSecond);
        var ahead = due - time.GetElapsedTime(_start);
        return ahead >= Resolution ? new ValueTask(Task.Delay(ahead, time, cancellationToken)) : ValueTask.CompletedTask;
    }
}
