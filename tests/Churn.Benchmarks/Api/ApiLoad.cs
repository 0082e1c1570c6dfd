using System.Net.Http.Headers;
using System.Text.Json;
using Churn.Benchmarks.Setup;

namespace Churn.Benchmarks.Api;

/// <summary>
/// Load from this process against a running Api on loopback. <c>--scenario predictions</c>: the
/// <see cref="PredictionQueryMix"/> of GET /api/predictions; <c>--scenario score</c>: POST /api/score with one distinct
/// customer per request. <c>--rate R</c> runs an open loop at R requests/s (<see cref="OpenLoopRun"/>);
/// <c>--concurrency N</c> a closed loop of N workers (<see cref="ClosedLoopRun"/>). A warm-up of the same shape runs
/// first and is discarded. Bounded by <c>--duration</c> and the per-request <c>--timeout</c>.
/// </summary>
public static class ApiLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var url = ApiLoadClient.Loopback(options.Required("--url"));
        var scenario = options.Required("--scenario");
        var rate = options.Double("--rate", 0);
        var concurrency = options.Int("--concurrency", 0);
        var duration = TimeSpan.FromSeconds(Math.Clamp(options.Double("--duration", 30), 1, 600));
        var warmup = TimeSpan.FromSeconds(Math.Min(options.Double("--warmup", 5), 60));
        var timeout = TimeSpan.FromSeconds(Math.Clamp(options.Double("--timeout", 10), 0.1, 60));
        var json = options.String("--json", "");
        if ((rate > 0) == (concurrency > 0))
        {
            throw new ArgumentException("give exactly one of --rate R (open loop, requests/s) or --concurrency N (closed loop)");
        }
        if (rate > 20_000 || concurrency > 1_000)
        {
            throw new ArgumentException("--rate is at most 20000 and --concurrency at most 1000");
        }
        var next = Scenario(scenario);

        using var client = ApiLoadClient.Create(url, timeout);
        output.WriteLine(await ProbeAsync(client, scenario, next));
        var mode = rate > 0 ? "open" : "closed";
        Task<(RequestResult[] Results, TimeSpan Elapsed)> Run(TimeSpan length) => rate > 0
            ? OpenLoopRun.RunAsync(client, next, rate, length)
            : ClosedLoopRun.RunAsync(client, next, concurrency, length);
        if (warmup > TimeSpan.Zero)
        {
            var (warm, _) = await Run(warmup);
            output.WriteLine($"Warm-up: {warm.Length:N0} requests over {warmup.TotalSeconds:G} s, discarded");
        }
        var (results, elapsed) = await Run(duration);

        var summary = ApiLoadSummary.Of(scenario, mode, url, rate, concurrency, elapsed, results);
        if (json.Length > 0)
        {
            var path = Path.GetFullPath(json);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, summary.ToJson());
        }
        summary.WriteTable(output);
        return summary.Ok == summary.Requests ? 0 : 1;
    }

    private static RequestFactory Scenario(string name)
    {
        var gate = new Lock();
        switch (name)
        {
            case "predictions":
                var mix = new PredictionQueryMix();
                return () =>
                {
                    lock (gate)
                    {
                        var (kind, path) = mix.Next();
                        return (kind, new HttpRequestMessage(HttpMethod.Get, path));
                    }
                };
            case "score":
                var bodies = ScoreBodies.Create();
                var index = -1;
                return () =>
                {
                    var body = new ByteArrayContent(bodies[(int)((uint)Interlocked.Increment(ref index) % bodies.Length)]);
                    body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return ("score-1", new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = body });
                };
            default:
                throw new ArgumentException($"--scenario must be 'predictions' or 'score', not '{name}'");
        }
    }

    /// <summary>One request before the run: the server answers as expected, and how much data it serves.</summary>
    private static async Task<string> ProbeAsync(HttpClient client, string scenario, RequestFactory next)
    {
        using var request = scenario == "predictions"
            ? new HttpRequestMessage(HttpMethod.Get, "/api/predictions?pageSize=1")
            : next().Request;
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"probe {request.RequestUri}: {(int)response.StatusCode} {body}");
        }
        using var document = JsonDocument.Parse(body);
        return scenario == "predictions"
            ? $"Probe: the Api stores {document.RootElement.GetProperty("total").GetInt64():N0} predictions"
            : $"Probe: model {document.RootElement.GetProperty("modelVersion").GetString()} scored p = " +
              $"{document.RootElement.GetProperty("results")[0].GetProperty("churnProbability").GetDouble():F4}";
    }
}
