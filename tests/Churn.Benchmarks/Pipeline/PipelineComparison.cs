using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Churn.Benchmarks.Setup;
using Churn.Testing;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline-compare</c>: the embedded flow and Kafka with 1 and 2 scoring workers (and, with
/// <c>--fetch-wait-ms</c>, the same Kafka flows with that fetch wait), or with <c>--compare challenger</c> the embedded
/// flow without and with a challenger scored in shadow, or with <c>--compare compositions</c> the embedded flow alone, inside
/// Churn.Api's composition and that exporting over OTLP, or with <c>--compare reasons</c> the embedded flow with reason
/// codes off and on; at max rate and at <c>--rate</c>, repeated,
/// alternating: each repeat runs every case once per rate, in an order rotated by the repeat. Every run is the
/// <c>pipeline</c> command in a fresh process (the same build), so each starts cold exactly as the single command does.
/// Prints one table (medians, ratios to the first flow in the same repeat) and every run; writes the runs' JSON and logs
/// to <c>--dir</c>, their SQLite files to <c>--db-dir</c> (default: the temp folder; outside the repository, which is
/// the hosts' content root, whose configuration file watcher would otherwise see every write of every host).
/// </summary>
public static class PipelineComparison
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var repeats = Math.Max(1, options.Int("--repeats", 3));
        var rate = options.Double("--rate", 5_000);
        var fetchWait = options.Int("--fetch-wait-ms", 10);
        var compare = options.String("--compare", Transports);
        var directory = Path.GetFullPath(options.String("--dir", RepositoryPaths.Artifacts("perf", "pipeline-compare")));
        var databases = Path.GetFullPath(options.String("--db-dir", Path.Combine(Path.GetTempPath(), "churn-pipeline-compare")));
        var rates = new[] { (Rate: 0.0, Events: options.Int("--events", 100_000)), (Rate: rate, Events: options.Int("--paced-events", 30_000)) };
        var flows = compare switch
        {
            Transports => TransportFlows(fetchWait),
            Challenger => ChallengerFlows(await BenchModel.EnsureChallengerAsync(output)),
            Compositions => CompositionFlows,
            ReasonCodes => ReasonFlows,
            _ => throw new ArgumentException($"--compare must be {Transports}, {Challenger}, {Compositions} or {ReasonCodes}, not '{compare}'"),
        };
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(databases);

        output.WriteLine($"pipeline-compare: {repeats} repeats of {string.Join(", ", flows.Select(f => f.Flow))} at " +
            $"{string.Join(" and ", rates.Select(r => r.Rate > 0 ? $"{r.Rate:N0}/s ({r.Events:N0} events)" : $"max rate ({r.Events:N0} events)"))}; " +
            $"{Environment.ProcessorCount} cores; load average at start {LoadAverage()}");
        var runs = new List<ComparisonRun>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            foreach (var (r, events) in rates)
            {
                var cases = flows.Select(f => new ComparisonCase(f.Flow, r, events, f.Arguments)).ToList();
                foreach (var @case in cases.Skip((repeat - 1) % cases.Count).Concat(cases.Take((repeat - 1) % cases.Count)))
                {
                    var run = await RunOnceAsync(repeat, @case, directory, databases);
                    runs.Add(run);
                    output.WriteLine(run.Summary is { } s
                        ? $"  repeat {repeat}, {@case.RateText}, {@case.Flow}: {s.Stored:N0}/{s.Events:N0} stored, {s.EventsPerSecond:N0} events/s, p99 {s.LatencyMs.P99} ms (load {run.LoadAtStart})"
                        : $"  repeat {repeat}, {@case.RateText}, {@case.Flow}: FAILED, exit {run.ExitCode} (see {@case.FileStem(repeat)}.log)");
                }
            }
        }
        output.WriteLine($"load average at end {LoadAverage()}");
        output.WriteLine();
        var ordered = runs.OrderBy(r => r.Case.Rate).ThenBy(r => flows.FindIndex(f => f.Flow == r.Case.Flow)).ThenBy(r => r.Repeat).ToList();
        using (var table = new StringWriter(CultureInfo.InvariantCulture))
        {
            ComparisonTable.Write(ordered, flows[0].Flow, table);
            output.Write(table.ToString());
            await File.WriteAllTextAsync(Path.Combine(directory, "table.md"), table.ToString());
        }
        return runs.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    private const string Transports = "transports";
    private const string Challenger = "challenger";
    private const string Compositions = "compositions";
    private const string ReasonCodes = "reasons";

    /// <summary>The embedded flow as the pipeline's registrations alone, inside Churn.Api's composition, and that with the OTLP exporter.</summary>
    private static readonly List<(string Flow, string[] Arguments)> CompositionFlows =
    [
        ("embedded, pipeline only", ["--composition", "worker"]),
        ("embedded in Churn.Api", ["--composition", "api"]),
        ("embedded in Churn.Api + OTLP", ["--composition", "api", "--exporter", "otlp"]),
    ];

    /// <summary>The embedded flow with the model served without its explainer, then with it (the product's default).</summary>
    private static readonly List<(string Flow, string[] Arguments)> ReasonFlows =
    [
        ("embedded, reasons off", ["--reasons", "off"]),
        ("embedded, reasons on", ["--reasons", "on"]),
    ];

    private static List<(string Flow, string[] Arguments)> TransportFlows(int fetchWait)
    {
        var flows = new List<(string Flow, string[] Arguments)>
        {
            ("embedded", []),
            ("kafka×1", ["--transport", "kafka", "--workers", "1"]),
            ("kafka×2", ["--transport", "kafka", "--workers", "2"]),
        };
        if (fetchWait > 0)
        {
            var wait = fetchWait.ToString(CultureInfo.InvariantCulture);
            flows.Add(($"kafka×1 fetch.wait {wait} ms", ["--transport", "kafka", "--workers", "1", "--fetch-wait-ms", wait]));
            flows.Add(($"kafka×2 fetch.wait {wait} ms", ["--transport", "kafka", "--workers", "2", "--fetch-wait-ms", wait]));
        }
        return flows;
    }

    /// <summary>The embedded flow without a challenger, then with one scored in shadow on every event.</summary>
    private static List<(string Flow, string[] Arguments)> ChallengerFlows(string challenger) =>
    [
        ("embedded, no challenger", ["--challenger", "none"]),
        ("embedded + challenger", ["--challenger", challenger]),
    ];

    private static async Task<ComparisonRun> RunOnceAsync(int repeat, ComparisonCase @case, string directory, string databases)
    {
        var stem = Path.Combine(directory, @case.FileStem(repeat));
        var json = stem + ".json";
        File.Delete(json);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location); // started as `dotnet Churn.Benchmarks.dll`
        }
        foreach (var argument in (string[])["pipeline", "--events", @case.Events.ToString(CultureInfo.InvariantCulture),
            "--rate", @case.Rate.ToString(CultureInfo.InvariantCulture), "--db", Path.Combine(databases, @case.FileStem(repeat) + ".db"), "--json", json, .. @case.FlowArguments])
        {
            start.ArgumentList.Add(argument);
        }
        var load = LoadAverage().Split(' ')[0];
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await File.WriteAllTextAsync(stem + ".log", await stdout + await stderr);
        var summary = File.Exists(json) ? PipelineSummary.FromJson(await File.ReadAllTextAsync(json)) : null;
        return new ComparisonRun(repeat, @case, load, process.ExitCode, summary);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
