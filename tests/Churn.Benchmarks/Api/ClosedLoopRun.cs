using System.Diagnostics;

namespace Churn.Benchmarks.Api;

/// <summary>
/// Maximum throughput: N workers each send a request, wait for the whole response, and send the next, until the
/// duration is over. Latency is from each send (closed loop: it shows service time under N concurrent requests).
/// </summary>
public static class ClosedLoopRun
{
    public static async Task<(RequestResult[] Results, TimeSpan Elapsed)> RunAsync(HttpClient client, RequestFactory next,
        int concurrency, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var results = new List<RequestResult>(4096);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var (kind, request) = next();
                var sent = Stopwatch.GetTimestamp();
                var status = await Http.SendAsync(client, request);
                results.Add(new RequestResult(kind, status, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, 0));
            }
            return results;
        })).ToArray();
        var all = await Task.WhenAll(workers);
        return ([.. all.SelectMany(r => r)], Stopwatch.GetElapsedTime(start));
    }
}
