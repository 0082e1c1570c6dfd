using System.Diagnostics;
using Churn.Benchmarks.Setup;
using Churn.Core.Composition;
using Churn.Core.Ingest;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Worker;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The embedded flow end to end, composed with the product's registration (<c>AddInProcessPipeline</c>: embedded
/// transport, SQLite store, serving model, scoring worker, ingest). Once the host runs and the model serves, the
/// product's <see cref="IngestRunner"/> publishes N synthetic customers at the requested rate (ingest's own service is
/// configured off so start-up is not timed); the <see cref="ScoringWorker"/> scores and stores them. The store is
/// wrapped only to time each durable write. The SQLite file stays for inspection.
/// </summary>
public static class PipelineLoad
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var events = options.Int("--events", 100_000);
        var rate = options.Double("--rate", 0);
        var db = Path.GetFullPath(options.Required("--db"));
        var json = Path.GetFullPath(options.Required("--json"));
        var modelDirectory = Path.GetFullPath(options.String("--model", BenchModel.ModelDirectory));
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        using var host = Build(modelDirectory, db, events, options.Int("--batch", 0), options.Int("--intra", 0),
            options.Int("--runs", 0));
        var recorder = (LatencyRecordingStore)host.Services.GetRequiredService<IPredictionStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60 + (rate > 0 ? 2 * events / rate : events / 5_000.0)));
        await host.StartAsync(timeout.Token);
        await host.Services.GetRequiredService<IModelSource>().WaitForModelAsync(timeout.Token);
        await recorder.InitializeAsync(timeout.Token);
        output.WriteLine($"Pipeline: {events:N0} synthetic events at {(rate > 0 ? $"{rate:N0}/s" : "max rate")} -> embedded log -> scoring worker -> {db}");

        var card = ModelFiles.ReadCard(modelDirectory);
        var items = new SyntheticSource(card, seed: 42, customerPool: 10_000, TimeProvider.System).Read(events);
        var runner = host.Services.GetRequiredService<IngestRunner>();
        var clock = Stopwatch.StartNew();
        var ingest = Task.Factory.StartNew(() => runner.RunAsync(items, rate, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1),
            timeout.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        var completed = true;
        try
        {
            await recorder.AllStored.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            completed = false;
            output.WriteLine("Timed out before every event was stored.");
        }
        var elapsed = clock.Elapsed;
        var ingestSummary = await ingest.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        await host.StopAsync(CancellationToken.None);

        var stored = await host.Services.GetRequiredService<SqlitePredictionStore>().CountAsync(CancellationToken.None);
        var (fromOccurred, fromIngested, batches) = recorder.Snapshot();
        var summary = new PipelineSummary(events, stored, Math.Round(fromOccurred.Length / elapsed.TotalSeconds, 0),
            LatencySummary.Of(fromOccurred), LatencySummary.Of(fromIngested), rate,
            host.Services.GetRequiredService<IOptions<ScoringWorkerOptions>>().Value.MaxBatchSize,
            host.Services.GetRequiredService<IOptions<ModelOptions>>().Value.Onnx.IntraOpThreads,
            host.Services.GetRequiredService<IOptions<ModelOptions>>().Value.Onnx.ParallelRuns, Math.Round(elapsed.TotalSeconds, 2), batches,
            batches == 0 ? 0 : Math.Round((double)fromOccurred.Length / batches, 1),
            Math.Round(ingestSummary?.EventsPerSecond ?? 0, 0), db, card.Version,
            $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        await File.WriteAllTextAsync(json, summary.ToJson());
        output.WriteLine(summary.ToJson());
        return completed && stored == events ? 0 : 1;
    }

    private static IHost Build(string modelDirectory, string db, long events, int batch, int intraOpThreads,
        int parallelRuns)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [], ContentRootPath = RepositoryPaths.Root, ApplicationName = "Churn.Benchmarks",
        });
        // Only what the command line overrides; everything else is the product's defaults.
        var settings = new Dictionary<string, string?>
        {
            ["Churn:Model:Directory"] = modelDirectory,
            ["Churn:Model:Watch"] = "false",
            ["Churn:Ingest:Mode"] = nameof(IngestMode.None), // the command drives the IngestRunner itself
            ["Churn:Sqlite:Path"] = db,
        };
        if (batch > 0)
        {
            settings["Churn:Scoring:MaxBatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (intraOpThreads > 0)
        {
            settings["Churn:Model:Onnx:IntraOpThreads"] = intraOpThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (parallelRuns > 0)
        {
            settings["Churn:Model:Onnx:ParallelRuns"] = parallelRuns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // What Churn.Api composes with Churn:Transport=embedded and Churn:Store=sqlite.
        builder.AddInProcessPipeline();
        builder.AddSqlitePredictionStore();
        builder.AddChurnModel();
        builder.Services.Replace(ServiceDescriptor.Singleton<IPredictionStore>(sp =>
            new LatencyRecordingStore(sp.GetRequiredService<SqlitePredictionStore>(), TimeProvider.System, events)));
        return builder.Build();
    }
}
