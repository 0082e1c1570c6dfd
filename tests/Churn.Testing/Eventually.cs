using System.Diagnostics;
using System.Net;
using Xunit;

namespace Churn.Testing;

/// <summary>
/// Waiting on a real condition (a prediction stored by the worker, a count reached, a span exported) by observing it at
/// an interval until a deadline; on timeout the test fails with the last value observed. No fixed sleep stands in for
/// synchronisation: the wait ends as soon as the condition holds.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="url"/> until it answers 200 (e.g. a prediction the worker has stored) and returns it.</summary>
    public static Task<HttpResponseMessage> OkAsync(HttpClient client, string url, TimeSpan? timeout = null) =>
        UntilAsync(() => client.GetAsync(url, Token(default)), response => response.StatusCode == HttpStatusCode.OK,
            timeout, what: $"GET {url} answering 200");

    /// <summary>
    /// Observes <paramref name="observe"/> until <paramref name="done"/> holds and returns that value; fails with the last
    /// value after <paramref name="timeout"/> (<see cref="DefaultTimeout"/>). The cancellation token defaults to the
    /// current test's.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan? timeout = null,
        TimeSpan? interval = null, string? what = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? DefaultTimeout;
        var token = Token(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var every = interval ?? DefaultInterval;
        using var timer = new PeriodicTimer(every);
        var last = await ObserveAsync(observe, limit, every, started, what, token);
        while (!done(last))
        {
            if (Stopwatch.GetElapsedTime(started) >= limit)
            {
                Assert.Fail($"{what ?? "condition"} not met within {limit}; last observed: {last}");
            }
            await timer.WaitForNextTickAsync(token);
            last = await ObserveAsync(observe, limit, every, started, what, token);
        }
        return last;
    }

    /// <summary>Checks <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null,
        CancellationToken cancellationToken = default) =>
        UntilAsync(() => Task.FromResult(condition()), holds => holds, timeout, interval, what, cancellationToken);

    /// <summary>
    /// The blocking form for synchronous tests (a condition another thread makes true): checks
    /// <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after the timeout.
    /// </summary>
    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var token = Token(default);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) >= limit)
            {
                Assert.Fail($"{what} not met within {limit}");
            }
            token.WaitHandle.WaitOne(interval ?? DefaultInterval);
            token.ThrowIfCancellationRequested();
        }
    }

    private static async Task<T> ObserveAsync<T>(Func<Task<T>> observe, TimeSpan limit, TimeSpan interval, long started,
        string? what, CancellationToken token)
    {
        // The observation is bounded too (by what is left, and at least one interval, so the last look still counts).
        var left = limit - Stopwatch.GetElapsedTime(started);
        var allowed = left > interval ? left : interval;
        var begun = Stopwatch.GetTimestamp();
        try
        {
            return await observe().WaitAsync(allowed, token);
        }
        catch (TimeoutException) when (Stopwatch.GetElapsedTime(begun) >= allowed)
        {
            Assert.Fail($"{what ?? "condition"} not met within {limit}: the observation itself did not answer in time");
            throw; // unreachable: Assert.Fail throws
        }
    }

    private static CancellationToken Token(CancellationToken given) =>
        given.CanBeCanceled ? given : TestContext.Current.CancellationToken;
}
