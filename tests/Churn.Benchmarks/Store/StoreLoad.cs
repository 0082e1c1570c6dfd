using System.Diagnostics;
using Churn.Benchmarks.Setup;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Benchmarks.Store;

/// <summary>
/// SQLite upsert throughput through <see cref="SqlitePredictionStore"/> (WAL, synchronous=NORMAL, one transaction per
/// batch, as the worker writes): for batches of 100, 500 and 2,000, a fresh file receives N predictions with new event
/// ids (first insert), then the same N again (re-upsert, the replay case). Rows/s and per-batch latency. With
/// <c>--reasons both</c> every batch size runs twice, alternating: predictions without reason codes, then the same
/// predictions with the bench model's served reasons (what storing them costs, side by side).
/// </summary>
public static class StoreLoad
{
    private static readonly int[] BatchSizes = [100, 500, 2000];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var rows = options.Int("--rows", 100_000);
        var folder = Path.GetFullPath(options.String("--dir", RepositoryPaths.Artifacts("store-bench")));
        var reasons = options.String("--reasons", "off");
        if (reasons is not ("off" or "both"))
        {
            throw new ArgumentException($"--reasons must be off or both, not '{reasons}'");
        }
        Directory.CreateDirectory(folder);
        var predictions = StorePredictions.Create(rows);
        var variants = new List<(string Name, Prediction[] Predictions)> { ("none", predictions) };
        if (reasons == "both")
        {
            await BenchModel.EnsureAsync(output);
            variants.Add(("served", StorePredictions.WithReasons(predictions, BenchModel.ModelDirectory)));
        }
        output.WriteLine($"SQLite store: {rows:N0} predictions per run, files in {folder}, {Environment.ProcessorCount} cores");
        output.WriteLine($"| Batch | Reasons | Phase | Rows/s | µs per row | CPU µs per row | Mean batch ms | p95 batch ms | File MB |");
        output.WriteLine($"|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (batch, (variant, rowsOfVariant)) in BatchSizes.SelectMany(b => variants.Select(v => (b, v))))
        {
            var path = Path.Combine(folder, $"store-{batch}-{variant}.db");
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
            using var store = new SqlitePredictionStore(new SqliteStoreOptions { Path = path });
            await store.InitializeAsync(CancellationToken.None);
            var batches = rowsOfVariant.Chunk(batch).ToArray();
            foreach (var phase in new[] { "first insert", "re-upsert" })
            {
                var cpu = CpuTime();
                var (elapsed, batchMs) = await WriteAllAsync(store, batches);
                cpu = CpuTime() - cpu;
                output.WriteLine($"| {batch:N0} | {variant} | {phase} | {rows / elapsed.TotalSeconds:N0} | {elapsed.TotalMicroseconds / rows:F1} | " +
                    $"{cpu.TotalMicroseconds / rows:F1} | " +
                    $"{batchMs.Average():F2} | {Percentile(batchMs, 0.95):F2} | {FileMegabytes(path):F1} |");
            }
            var stored = await store.CountAsync(CancellationToken.None);
            if (stored != rows)
            {
                output.WriteLine($"FAILED: {stored:N0} rows in {path}, expected {rows:N0}");
                return 1;
            }
        }
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, List<double> BatchMs)> WriteAllAsync(IPredictionStore store, Prediction[][] batches)
    {
        var batchMs = new List<double>(batches.Length);
        var total = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var started = Stopwatch.GetTimestamp();
            await store.UpsertAsync(batch, CancellationToken.None);
            batchMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (total.Elapsed, batchMs);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double FileMegabytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1e6;

    internal static double Percentile(List<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
