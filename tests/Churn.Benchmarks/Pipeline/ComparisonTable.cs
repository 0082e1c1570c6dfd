using System.Globalization;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The Markdown tables of <c>pipeline-compare</c>: per rate and flow, medians over the repeats and the ratio to the
/// baseline flow's run of the same repeat (median of those ratios); then every run. CPU µs per event is the process's
/// CPU time over the timed window (ingest included) divided by the events stored: on a shared machine it moves less
/// than events/s. Each run says how many of its stored predictions carry reasons; with a challenger, its shadow columns
/// say how many events it shadowed, dropped or failed and how long after the last served prediction it caught up.
/// </summary>
public static class ComparisonTable
{
    public static void Write(IReadOnlyList<ComparisonRun> runs, string baseline, TextWriter output)
    {
        output.WriteLine($"| rate | flow | runs | stored | events/s (median; each run) | CPU µs/event (median; each run) | p50 ms | p95 ms | p99 ms | max ms | p99 after 1st s | batch write p99 ms | events/s vs {baseline} | CPU/event vs {baseline} | p99 vs {baseline} |");
        output.WriteLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => (r.Case.Rate, r.Case.Flow)))
        {
            var done = group.Where(r => r.Summary is not null).ToList();
            var summaries = done.Select(r => r.Summary!).ToList();
            var complete = summaries.Count(s => s.Stored == s.Events);
            var first = group.First().Case;
            output.WriteLine($"| {first.RateText} | {first.Flow} | {group.Count()} | {complete}/{group.Count()} complete | " +
                $"**{Median(summaries.Select(s => s.EventsPerSecond)):N0}** ({string.Join(" · ", summaries.Select(s => s.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}) | " +
                $"{Median(summaries.Select(CpuPerEvent)):0.0} ({string.Join(" · ", summaries.Select(s => CpuPerEvent(s).ToString("0.0", CultureInfo.InvariantCulture)))}) | " +
                $"{Median(summaries.Select(s => s.LatencyMs.P50)):0.##} | {Median(summaries.Select(s => s.LatencyMs.P95)):0.##} | " +
                $"**{Median(summaries.Select(s => s.LatencyMs.P99)):0.##}** | {Median(summaries.Select(s => s.LatencyMs.Max)):0.##} | " +
                $"{Median(summaries.Select(s => s.LatencyAfterFirstSecondMs.P99)):0.##} | " +
                $"{Median(summaries.Select(s => s.BatchWriteMs.P99)):0.##} | " +
                $"{Ratio(runs, done, baseline, s => s.EventsPerSecond)} | {Ratio(runs, done, baseline, CpuPerEvent)} | " +
                $"{Ratio(runs, done, baseline, s => s.LatencyMs.P99)} |");
        }
        output.WriteLine();
        output.WriteLine("| repeat | rate | flow | load (1 min) | stored | with reasons | events/s | CPU µs/event | p50 ms | p99 ms | max ms | p99 after 1st s | batch write p99 / max ms | mean batch | per worker | rebalanced | dropped by retention | shadowed / dropped / failed | shadow caught up after s | shadow ONNX ms/batch |");
        output.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            if (run.Summary is not { } s)
            {
                output.WriteLine($"| {run.Repeat} | {run.Case.RateText} | {run.Case.Flow} | {run.LoadAtStart} | failed (exit {run.ExitCode}) | | | | | | | | | | | | | | | |");
                continue;
            }
            output.WriteLine($"| {run.Repeat} | {run.Case.RateText} | {run.Case.Flow} | {run.LoadAtStart} | {s.Stored:N0}/{s.Events:N0} | " +
                $"{s.StoredWithReasons:N0} | {s.EventsPerSecond:N0} | {CpuPerEvent(s):0.0} | {s.LatencyMs.P50} | {s.LatencyMs.P99} | {s.LatencyMs.Max} | {s.LatencyAfterFirstSecondMs.P99} | " +
                $"{s.BatchWriteMs.P99} / {s.BatchWriteMs.Max} | " +
                $"{s.MeanBatchSize} | {string.Join(" + ", s.StoredPerWorker.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} | " +
                $"{(s.Kafka is { } k ? k.RebalancedDuringRun ? "yes" : "no" : "")} | {(s.Kafka is { } kafka ? kafka.DroppedByRetention.ToString("N0", CultureInfo.InvariantCulture) : "")} | " +
                (s.Shadow is { } sh ? $"{sh.Shadowed:N0} / {sh.Dropped:N0} / {sh.Failed:N0} | {sh.CatchUpSeconds} | {sh.MeanScoringMs} |" : " | | |"));
        }
    }

    private static double CpuPerEvent(PipelineSummary s) => s.Stored == 0 ? double.NaN : s.CpuSeconds * 1e6 / s.Stored;

    /// <summary>Median over the repeats of (this flow's value / the baseline flow's value of the same repeat and rate).</summary>
    private static string Ratio(IReadOnlyList<ComparisonRun> all, IReadOnlyList<ComparisonRun> runs, string baseline,
        Func<PipelineSummary, double> value)
    {
        var ratios = runs.Select(r => (Run: r, Baseline: all.FirstOrDefault(b => b.Repeat == r.Repeat && b.Case.Rate == r.Case.Rate
                && b.Case.Flow == baseline)?.Summary))
            .Where(p => p.Baseline is not null && value(p.Baseline) > 0)
            .Select(p => value(p.Run.Summary!) / value(p.Baseline!)).ToList();
        return ratios.Count == 0 ? "–" : $"{Median(ratios):0.00}×";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
