namespace Churn.AppHost.Tests;

/// <summary>Waits for a condition observed through a real query, checking it at a fixed interval until a deadline.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(Interval);
        var last = await observe();
        while (!done(last))
        {
            if (!await timer.WaitForNextTickAsync(deadline.Token).AsTask().ContinueWith(tick => !tick.IsCanceled, TaskScheduler.Default))
            {
                Assert.Fail($"Condition not met within {timeout}; last observed: {last}");
            }

            last = await observe();
        }

        return last;
    }
}
