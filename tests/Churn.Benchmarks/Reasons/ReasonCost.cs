using System.Diagnostics;
using System.Globalization;
using Churn.Benchmarks.Setup;
using Churn.Core.Reasons;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Predictions;
using Churn.Testing.Reasons;

namespace Churn.Benchmarks.Reasons;

/// <summary>
/// <c>reasons</c>: the cost per row of the attribution methods over the serving model's trees, beside the cost of
/// scoring the row: ONNX Runtime in 500-row batches (the worker's scorer), the served tree-path explainer (features,
/// attribution and top-N) in 500-row batches as the worker calls it and one row per call, the attribution alone both
/// ways, path-dependent TreeSHAP (the reference), on distinct jittered customers, in alternating rounds; wall time and the process's CPU time per row (the explainers run on one thread, the
/// scorer splits a batch into a Run per core). Then how often the two methods agree on the top reasons.
/// </summary>
public static class ReasonCost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var rounds = options.Int("--rounds", 5);
        var rowCount = options.Int("--rows", 20_000);
        await BenchModel.EnsureAsync(output);
        var served = ModelCandidate.LoadServing(BenchModel.ModelDirectory, new ModelOptions { Directory = BenchModel.ModelDirectory });
        var explainer = served.Explainer ?? throw new InvalidOperationException($"the bench model has no explainer: {served.ReasonsUnavailable}");
        var artifact = ExplainerArtifact.Deserialize(File.ReadAllText(Path.Combine(BenchModel.ModelDirectory, ExplainerArtifact.FileName)));
        var shap = new TreeShap(explainer.Attribution.Ensemble, [.. artifact.Covers.Select(c => (double)c)]);
        var customers = JitteredCustomers.Create(rowCount);
        var features = customers.Select(ChurnFeatures.Build).ToArray();

        output.WriteLine($"model {served.Card.Version}: {explainer.Attribution.Ensemble.TreeCount} trees, " +
            $"{explainer.Attribution.Ensemble.NodeCount} nodes; {rowCount:N0} distinct rows, {rounds} rounds; load average {LoadAverage()}");
        var shapRows = Math.Max(1, rowCount / 10); // TreeSHAP runs on a tenth of the rows
        var flat = features.SelectMany(f => f).ToArray();
        var methods = new (string Name, int Rows, Action Run)[]
        {
            ("ONNX Runtime scoring (the served scorer: batches of 500, a Run per core)", rowCount, () => ScoreInBatches(served.Scorer, customers)),
            ($"tree-path reasons, batches of 500 (served, as the worker calls it: features + attribution + top {explainer.Count})", rowCount,
                () => ExplainInBatches(explainer, customers)),
            ($"tree-path reasons, one row per call (features + attribution + top {explainer.Count})", rowCount,
                () => { foreach (var c in customers) explainer.Explain(c); }),
            ("tree-path attribution alone, all rows in one call (blocks of 16 rows walking each tree together)", rowCount,
                () => explainer.Attribution.Explain(flat, new double[flat.Length], new double[rowCount], ChurnFeatures.Count)),
            ("tree-path attribution alone, one row per call (a walk per tree)", rowCount,
                () => { var phi = new double[ChurnFeatures.Count]; foreach (var f in features) explainer.Attribution.Explain(f, phi); }),
            ("path-dependent TreeSHAP attribution, one row per call", shapRows,
                () => { var phi = new double[ChurnFeatures.Count]; foreach (var f in features.Take(shapRows)) shap.Explain(f, phi); }),
        };
        var perRow = methods.Select(_ => new List<double>()).ToArray();
        var cpuPerRow = methods.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        foreach (var (_, _, run) in methods)
        {
            run(); // warm-up (JIT, caches)
        }
        for (var round = 0; round < rounds; round++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                var rows = methods[m].Rows;
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                methods[m].Run();
                perRow[m].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / rows);
                process.Refresh();
                cpuPerRow[m].Add((process.TotalProcessorTime - cpu).TotalMicroseconds / rows);
            }
        }
        output.WriteLine();
        output.WriteLine("| per row | wall µs (median) | wall µs (each round) | CPU µs (median) | CPU µs (each round) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        for (var m = 0; m < methods.Length; m++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {methods[m].Name} | {Median(perRow[m]):F2} | {Rounds(perRow[m])} | {Median(cpuPerRow[m]):F2} | {Rounds(cpuPerRow[m])} |"));
        }
        output.WriteLine();
        Agreement(explainer, shap, features, explainer.Count, output);
        (served.Scorer as IDisposable)?.Dispose();
        return 0;
    }

    private static void ExplainInBatches(ReasonExplainer explainer, CustomerRecord[] customers)
    {
        var reasons = new PredictionReasons?[500];
        for (var start = 0; start < customers.Length; start += 500)
        {
            var n = Math.Min(500, customers.Length - start);
            explainer.Explain(customers.AsSpan(start, n), reasons.AsSpan(0, n));
        }
    }

    private static void ScoreInBatches(IChurnScorer scorer, CustomerRecord[] customers)
    {
        var probabilities = new float[500];
        for (var start = 0; start < customers.Length; start += 500)
        {
            var n = Math.Min(500, customers.Length - start);
            scorer.Score(customers.AsSpan(start, n), probabilities.AsSpan(0, n));
        }
    }

    /// <summary>Agreement of the two methods' top reasons (same features, same signs) on up to 2,000 rows.</summary>
    private static void Agreement(ReasonExplainer explainer, TreeShap shap, float[][] features, int top, TextWriter output)
    {
        var rows = features.Take(2_000).ToArray();
        int sameTop1 = 0, sameSet = 0, signsAgree = 0, compared = 0, top1InOtherTop = 0;
        double[] a = new double[ChurnFeatures.Count], b = new double[ChurnFeatures.Count];
        foreach (var row in rows)
        {
            explainer.Attribution.Explain(row, a);
            shap.Explain(row, b);
            var topA = Top(a, top);
            var topB = Top(b, top);
            sameTop1 += topA[0] == topB[0] ? 1 : 0;
            sameSet += topA.Order().SequenceEqual(topB.Order()) ? 1 : 0;
            top1InOtherTop += topB.Contains(topA[0]) ? 1 : 0;
            foreach (var f in topA)
            {
                compared++;
                signsAgree += Math.Sign(a[f]) == Math.Sign(b[f]) ? 1 : 0;
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tree-path vs TreeSHAP on {rows.Length:N0} rows: same top reason {100.0 * sameTop1 / rows.Length:F1}%, " +
            $"tree-path's top reason among TreeSHAP's top {top} {100.0 * top1InOtherTop / rows.Length:F1}%, " +
            $"same top-{top} set {100.0 * sameSet / rows.Length:F1}%, same sign for tree-path's top {top} {100.0 * signsAgree / compared:F1}%"));
    }

    private static int[] Top(double[] contributions, int count) =>
        [.. Enumerable.Range(0, contributions.Length).OrderByDescending(f => Math.Abs(contributions[f])).Take(count)];

    private static string Rounds(List<double> values) =>
        string.Join(" · ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
