using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Churn.Testing;

/// <summary>
/// Turns a hung test run into a fast failure that names the suspects: when no test has started or finished for
/// <see cref="HangWatch.Limit"/> (the longest test takes about a minute), the process writes the tests in progress and the
/// last ones finished (a hang in a test class's disposal shows there) to standard error and ends itself, so CI reports
/// a failed assembly in minutes instead of being stopped at its deadline with no name. Every test assembly carries it
/// (tests/Directory.Build.props).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class WatchForHangsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => HangWatch.Started(test.TestDisplayName);

    public override void After(MethodInfo methodUnderTest, IXunitTest test) => HangWatch.Finished(test.TestDisplayName);
}

/// <summary>The process-wide record <see cref="WatchForHangsAttribute"/> keeps, checked every few seconds.</summary>
public static class HangWatch
{
    /// <summary>No test started or finished for this long means the run is stuck; CHURN_TEST_HANG_MINUTES overrides it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(
        double.TryParse(Environment.GetEnvironmentVariable("CHURN_TEST_HANG_MINUTES"), out var minutes) && minutes > 0 ? minutes : 6);

    private static readonly ConcurrentDictionary<string, DateTimeOffset> Running = new();
    private static readonly ConcurrentQueue<(string Test, DateTimeOffset At)> RecentlyFinished = new();
    private static long _lastActivityTicks = DateTimeOffset.UtcNow.UtcTicks;
    private static readonly Timer Check = new(_ => CheckForHang(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    internal static void Started(string test)
    {
        GC.KeepAlive(Check);
        Running[test] = DateTimeOffset.UtcNow;
        Touch();
    }

    internal static void Finished(string test)
    {
        Running.TryRemove(test, out _);
        RecentlyFinished.Enqueue((test, DateTimeOffset.UtcNow));
        while (RecentlyFinished.Count > 5)
        {
            RecentlyFinished.TryDequeue(out _);
        }
        Touch();
    }

    private static void Touch() => Interlocked.Exchange(ref _lastActivityTicks, DateTimeOffset.UtcNow.UtcTicks);

    private static void CheckForHang()
    {
        var now = DateTimeOffset.UtcNow;
        var idle = now - new DateTimeOffset(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);
        if (idle < Limit)
        {
            return;
        }
        Environment.FailFast(Report(now, idle)); // the message goes to standard error, which dotnet test shows
    }

    private static string Report(DateTimeOffset now, TimeSpan idle)
    {
        var lines = new List<string> { $"HANG: no test started or finished for {idle.TotalMinutes:F1} min (limit {Limit.TotalMinutes} min)." };
        lines.AddRange(Running.Select(r => $"  still running for {(now - r.Value).TotalMinutes:F1} min: {r.Key}"));
        lines.AddRange(RecentlyFinished.Select(f => $"  finished {(now - f.At).TotalMinutes:F1} min ago (then disposed): {f.Test}"));
        return string.Join(Environment.NewLine, lines);
    }
}
