namespace Churn.Core.Worker;

/// <summary>Exponential backoff, capped: initial, 2×, 4×, … up to the maximum.</summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan maximum)
{
    private int _attempt;

    public int Attempts => _attempt;

    public TimeSpan Next()
    {
        var factor = Math.Pow(2, Math.Min(_attempt++, 30));
        return TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, maximum.Ticks));
    }
}
