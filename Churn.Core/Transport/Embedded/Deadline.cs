namespace Churn.Core.Transport.Embedded;

/// <summary>Monotonic deadlines in <see cref="Environment.TickCount64"/> milliseconds; a negative timeout means "forever".</summary>
internal static class Deadline
{
    public static long After(TimeSpan timeout) =>
        timeout < TimeSpan.Zero || timeout.TotalMilliseconds >= long.MaxValue / 2
            ? long.MaxValue
            : Environment.TickCount64 + (long)timeout.TotalMilliseconds;

    /// <summary>Milliseconds left, capped to what <see cref="Monitor.Wait(object, int)"/> accepts; 0 when passed.</summary>
    public static int Remaining(long deadline) => (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);
}
