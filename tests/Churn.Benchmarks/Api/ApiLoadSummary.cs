using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Benchmarks.Pipeline;

namespace Churn.Benchmarks.Api;

/// <summary>The JSON an api-load run writes (<c>--json</c>) and prints.</summary>
public sealed record ApiLoadSummary(
    string Scenario,
    string Mode,
    string Url,
    double TargetRate,
    int Concurrency,
    double DurationSeconds,
    int Requests,
    int Ok,
    IReadOnlyDictionary<string, int> Errors,
    double AchievedRate,
    double OkPerSecond,
    LatencySummary LatencyMs,
    LatencySummary? SendLatenessMs,
    IReadOnlyList<KindSummary> ByKind,
    string Machine)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The console report: totals, then one Markdown row per request kind.</summary>
    public void WriteTable(TextWriter output)
    {
        var errors = Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}"));
        var load = Mode == "open" ? $"open loop at {TargetRate:G} req/s" : $"closed loop, {Concurrency} workers";
        output.WriteLine($"{Scenario}, {load}, {DurationSeconds:G} s: {Requests:N0} requests, {Ok:N0} ok, errors {errors}; " +
            $"achieved {AchievedRate:N1} req/s ({OkPerSecond:N1} ok/s)");
        if (SendLatenessMs is { } late)
        {
            output.WriteLine($"client send lateness ms: p50 {late.P50}, p99 {late.P99}, max {late.Max}");
        }
        output.WriteLine("| kind | requests | p50 ms | p95 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var kind in ByKind)
        {
            Row(kind.Kind, kind.Requests, kind.LatencyMs);
        }
        Row("**all**", Requests, LatencyMs);

        void Row(string kind, int requests, LatencySummary l) =>
            output.WriteLine($"| {kind} | {requests:N0} | {l.P50} | {l.P95} | {l.P99} | {l.Max} |");
    }

    public static ApiLoadSummary Of(string scenario, string mode, Uri url, double rate, int concurrency, TimeSpan elapsed,
        RequestResult[] results) => new(
        scenario, mode, url.ToString(), rate, concurrency, Math.Round(elapsed.TotalSeconds, 2), results.Length,
        results.Count(r => r.Ok),
        results.Where(r => !r.Ok).GroupBy(r => r.Status == 0 ? "no response" : r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count()),
        Math.Round(results.Length / elapsed.TotalSeconds, 1),
        Math.Round(results.Count(r => r.Ok) / elapsed.TotalSeconds, 1),
        LatencySummary.Of([.. results.Select(r => r.LatencyMs)]),
        mode == "open" ? LatencySummary.Of([.. results.Select(r => r.LatenessMs)]) : null,
        [.. results.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KindSummary(g.Key, g.Count(), LatencySummary.Of([.. g.Select(r => r.LatencyMs)])))],
        $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
}
