using System.Diagnostics;
using System.Text.Json;
using Churn.Core.Ingest;
using Churn.Core.Pipeline;
using Churn.Core.Scoring;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Transport.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Benchmarks;

/// <summary>
/// <c>pipeline --events N --rate R --db file --json file</c>: the embedded flow end to end with the production classes
/// (synthetic customers from the model card → IngestPublisher → in-process log → ScoringWorker → ONNX → SQLite) and a
/// JSON summary: events, stored, events/s (first publish → last prediction stored) and end-to-end latency percentiles.
/// The SQLite file is recreated at start and kept for inspection.
/// </summary>
internal static class PipelineCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = PipelineOptions.Parse(args);
        if (!File.Exists(ModelFiles.ModelPath(options.ModelDirectory)))
        {
            Console.Error.WriteLine($"no model in {options.ModelDirectory}: run the Trainer first (see README) or pass --model <dir>");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(options.Db)!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(options.Db + suffix);
        }
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var metrics = new ScoringMetrics(meters);
        using var models = new ModelProvider(Options.Create(new ModelSourceOptions
            {
                Directory = options.ModelDirectory, Watch = false, Onnx = new OnnxScorerOptions { ParallelRuns = options.ParallelRuns },
            }),
            metrics, NullLogger<ModelProvider>.Instance);
        await models.StartAsync(CancellationToken.None);
        using var log = new EmbeddedEventLog();
        using var publisher = log.CreatePublisher();
        using var consumer = log.CreateConsumer(EmbeddedPipelineExtensions.ScoringGroup);
        using var store = new SqlitePredictionStore(new SqliteStoreOptions { Path = options.Db });
        var workerOptions = Options.Create(new ScoringWorkerOptions { MaxBatchSize = options.BatchSize });
        var processor = new BatchProcessor(models, store, publisher, metrics, workerOptions, TimeProvider.System,
            NullLogger<BatchProcessor>.Instance);
        using var worker = new ScoringWorker(consumer, processor, models, workerOptions, NullLogger<ScoringWorker>.Instance);
        using var latencies = new LatencyRecorder(metrics, options.Events);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var runner = new IngestRunner(new IngestPublisher(publisher, new IngestMetrics(meters), TimeProvider.System,
            NullLogger<IngestPublisher>.Instance), publisher, TimeProvider.System, loggers.CreateLogger<IngestRunner>());
        var source = new SyntheticSource(models.Current!.Card, seed: 1, customerPool: 10_000, TimeProvider.System);

        await worker.StartAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var ingest = await runner.RunAsync(source.Read(options.Events), options.Rate, TimeSpan.FromSeconds(5),
            TimeSpan.FromMinutes(1), CancellationToken.None);
        await latencies.AllWritten.WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        await worker.StopAsync(CancellationToken.None);

        var summary = new PipelineSummary(options.Events, await store.CountAsync(CancellationToken.None),
            Math.Round(options.Events / elapsed.TotalSeconds), Math.Round(elapsed.TotalSeconds, 3), options.Rate,
            options.BatchSize, ingest.Rejected, new LatencySummary(Round(latencies.Percentile(0.50)),
                Round(latencies.Percentile(0.95)), Round(latencies.Percentile(0.99)), Round(latencies.Percentile(1.0))),
            options.Db, models.Current.Card.Version);
        var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = true });
        Console.WriteLine(json);
        if (options.Json is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, json);
        }
        return summary.Stored == options.Events ? 0 : 1;
    }

    private static double Round(double ms) => Math.Round(ms, 2);
}

internal sealed record LatencySummary(double P50, double P95, double P99, double Max);

internal sealed record PipelineSummary(long Events, long Stored, double EventsPerSecond, double ElapsedSeconds, double Rate,
    int BatchSize, long Rejected, LatencySummary LatencyMs, string Db, string ModelVersion);
