using System.Diagnostics;

namespace Churn.Benchmarks.Api;

/// <summary>
/// Fixed arrival rate: request i is due at start + i / rate and is sent then whatever happened to earlier ones (no
/// waiting for responses, as many connections as needed), so a slow server cannot slow the arrivals down and hide its
/// own latency (coordinated omission). Exactly rate × duration requests; each one is bounded by the client's timeout.
/// The schedule runs on its own thread and sleeps in 1 ms steps (no spinning on a 2-core machine), so a send can be
/// up to about a millisecond late; that lateness is included in the latency and reported on its own.
/// </summary>
public static class OpenLoopRun
{
    public static async Task<(RequestResult[] Results, TimeSpan Elapsed)> RunAsync(HttpClient client, RequestFactory next,
        double rate, TimeSpan duration)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var results = new RequestResult[count];
        var sends = new Task[count];
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }
                sends[i] = SendAsync(client, next, results, i, due);
            }
        }) { IsBackground = true, Name = "open-loop schedule", Priority = ThreadPriority.AboveNormal };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        await Task.WhenAll(sends);
        return (results, Stopwatch.GetElapsedTime(start));
    }

    private static async Task SendAsync(HttpClient client, RequestFactory next, RequestResult[] results, int index, long due)
    {
        var (kind, request) = next();
        var lateness = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        var status = await Http.SendAsync(client, request);
        results[index] = new RequestResult(kind, status, Stopwatch.GetElapsedTime(due).TotalMilliseconds, lateness);
    }
}
