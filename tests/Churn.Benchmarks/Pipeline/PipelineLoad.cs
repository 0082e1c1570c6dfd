using System.Diagnostics;
using System.Globalization;
using Churn.Core.Ingest;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Core.Worker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The pipeline end to end, composed with the product's registrations: the embedded flow (<see cref="EmbeddedFlow"/>,
/// default) or Kafka with N scoring hosts (<see cref="KafkaFlow"/>, <c>--transport kafka --workers N</c>). Once the
/// hosts run and the model serves, the product's <see cref="IngestRunner"/> publishes N synthetic customers at the
/// requested rate (so start-up is not timed); the scoring workers score and store them. The stores are wrapped only to
/// time each durable write. <c>--reasons off</c> serves the model without its explainer (<c>Churn:Model:Reasons</c>), so
/// the same run measures the cost of the reason codes. The SQLite file stays for inspection.
/// </summary>
public static class PipelineLoad
{
    /// <summary>After ingest has finished, how long without a durable write before the run gives up (records lost).</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var run = PipelineRunOptions.Parse(args);
        Directory.CreateDirectory(Path.GetDirectoryName(run.Database)!);
        foreach (var file in new[] { run.Database, run.Database + "-wal", run.Database + "-shm" })
        {
            File.Delete(file);
        }

        var recorder = new LatencyRecorder(run.Events);
        using var shadowRecorder = new ShadowRecorder();
        await using var flow = run.Transport == PipelineRunOptions.Kafka ? KafkaFlow.Create(run, recorder)
            : run.Composition == PipelineRunOptions.ApiComposition ? ApiFlow.Create(run, recorder)
            : (IPipelineFlow)EmbeddedFlow.Create(run, recorder);
        using var timeout = new CancellationTokenSource(run.Timeout);
        await flow.StartAsync(timeout.Token);
        output.WriteLine($"Pipeline: {run.Events:N0} synthetic events at {(run.Rate > 0 ? $"{run.Rate:N0}/s" : "max rate")} -> {flow.Route} -> {run.Database}");
        if (PipelineHosts.IsUnderContentRoot(run.Database))
        {
            output.WriteLine("Note: the database is under the hosts' content root (the repository): each host's configuration file " +
                "watcher sees every write of it (~30% more CPU at max rate, docs/performance.md §8).");
        }

        var card = ModelFiles.ReadCard(run.ModelDirectory);
        var items = new SyntheticSource(card, seed: 42, customerPool: 10_000, TimeProvider.System).Read(run.Events);
        var runner = flow.Publisher.GetRequiredService<IngestRunner>();
        using var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var memory = MemorySampler.Start(run.MemoryEvery, RetainedMessages(flow.Publisher), () => recorder.Recorded * LatencyRecorder.BytesPerEvent);
        var clock = Stopwatch.StartNew();
        var ingest = Task.Factory.StartNew(() => runner.RunAsync(items, run.Rate, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1),
            timeout.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        var completed = await WaitForAllStoredAsync(recorder, ingest, output, timeout.Token);
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuAtStart;
        var wal = new FileInfo(run.Database + "-wal") is { Exists: true } walFile ? walFile.Length : 0;
        if (memory is not null)
        {
            await memory.DisposeAsync();
            await File.WriteAllTextAsync(Path.ChangeExtension(run.Json, ".memory.csv"), memory.ToCsv());
        }
        var shadow = run.Challenger is { } slot
            ? await WaitForShadowAsync(flow, ModelFiles.ReadCard(slot).Version, shadowRecorder, output, timeout.Token)
            : null;
        var ingestSummary = await ingest.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        var kafka = flow.Facts();
        await flow.StopAsync();

        var worker = flow.ScoringHosts[0];
        var stored = await worker.GetRequiredService<SqlitePredictionStore>().CountAsync(CancellationToken.None);
        var explained = StoredWithReasons(run.Database);
        var (fromOccurred, fromIngested, writes, batches) = recorder.Snapshot();
        var model = worker.GetRequiredService<IOptions<ModelOptions>>().Value;
        var summary = new PipelineSummary(flow.Transport, flow.ScoringHosts.Count, run.Events, stored,
            Math.Round(fromOccurred.Length / elapsed.TotalSeconds, 0),
            LatencySummary.Of(fromOccurred), LatencySummary.Of(fromIngested), LatencySummary.Of(recorder.AfterFirstSecond()),
            LatencySummary.Of(writes), run.Rate,
            worker.GetRequiredService<IOptions<ScoringWorkerOptions>>().Value.MaxBatchSize,
            model.Onnx.IntraOpThreads, model.Onnx.ParallelRuns, model.Reasons, explained, Math.Round(elapsed.TotalSeconds, 2),
            Math.Round(cpu.TotalSeconds, 2), batches,
            batches == 0 ? 0 : Math.Round((double)fromOccurred.Length / batches, 1),
            Math.Round(ingestSummary?.EventsPerSecond ?? 0, 0),
            [.. flow.ScoringHosts.Select(s => ((LatencyRecordingStore)s.GetRequiredService<IPredictionStore>()).Stored)],
            kafka, run.Database, card.Version,
            $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            shadow, memory?.Summarise(run.WarmUp), wal);
        Directory.CreateDirectory(Path.GetDirectoryName(run.Json)!);
        await File.WriteAllTextAsync(run.Json, summary.ToJson());
        output.WriteLine(summary.ToJson());
        var reasonsAsAsked = explained == (run.Reasons ? stored : 0);
        if (!reasonsAsAsked)
        {
            output.WriteLine($"Reasons {(run.Reasons ? "on" : "off")}, but {explained:N0} of {stored:N0} stored predictions carry reasons" +
                (run.Reasons ? " (does the model directory hold model-explainer.json?)" : "."));
        }
        return completed && stored == run.Events && reasonsAsAsked ? 0 : 1;
    }

    /// <summary>The messages the embedded log retains in the customers and dead-letter topics; null for Kafka.</summary>
    private static Func<long>? RetainedMessages(IServiceProvider publisher)
    {
        if (publisher.GetService<EmbeddedEventLog>() is not { } log)
        {
            return null;
        }
        string[] topics = [publisher.GetRequiredService<IOptions<PipelineTopicsOptions>>().Value.Customers, log.DeadLetterTopic];
        return () => topics.Sum(t => Enumerable.Range(0, log.Options.Partitions).Sum(p => log.EndOffset(t, p) - log.StartOffset(t, p)));
    }

    /// <summary>How many stored predictions carry reason codes: all of them with reasons on, none with reasons off (a run
    /// that is not so measured something else, and fails).</summary>
    private static long StoredWithReasons(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM predictions WHERE reasons IS NOT NULL";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// With a challenger: waits (after the last served prediction was stored, outside the timed window) until every
    /// stored event is shadowed, dropped or failed, or nothing moves for <see cref="StallTimeout"/>, and says how long
    /// the shadow scorer took to catch up.
    /// </summary>
    private static async Task<ShadowRunFacts> WaitForShadowAsync(IPipelineFlow flow, string challenger, ShadowRecorder recorder,
        TextWriter output, CancellationToken timeout)
    {
        var stores = flow.ScoringHosts.Select(s => s.GetRequiredService<IShadowPredictionStore>()).ToList();
        var served = await flow.ScoringHosts[0].GetRequiredService<SqlitePredictionStore>().CountAsync(timeout);
        var clock = Stopwatch.StartNew();
        var idle = Stopwatch.StartNew();
        var shadowed = -1L;
        while (true)
        {
            var now = await stores[0].CountShadowAsync(challenger, timeout); // one SQLite file for every host
            if (now != shadowed)
            {
                (shadowed, idle) = (now, Stopwatch.StartNew());
            }
            if (shadowed + recorder.Dropped + recorder.Failed >= served || idle.Elapsed > StallTimeout)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout);
        }
        if (shadowed + recorder.Dropped + recorder.Failed < served)
        {
            output.WriteLine($"Shadow stalled: {shadowed:N0} shadowed, {recorder.Dropped:N0} dropped, {recorder.Failed:N0} failed of {served:N0} served.");
        }
        var (meanMs, scoredBatches) = recorder.Scoring();
        return new ShadowRunFacts(challenger, shadowed, recorder.Dropped, recorder.Failed, Math.Round(clock.Elapsed.TotalSeconds, 2),
            Math.Round(meanMs, 3), scoredBatches);
    }

    /// <summary>
    /// True once every event is stored. False on the timeout, or when ingest has finished and nothing more was stored
    /// for <see cref="StallTimeout"/> (on Kafka's mock cluster: records its retention dropped before they were read).
    /// </summary>
    private static async Task<bool> WaitForAllStoredAsync(LatencyRecorder recorder, Task ingest, TextWriter output,
        CancellationToken timeout)
    {
        var recorded = -1L;
        var idle = Stopwatch.StartNew();
        try
        {
            while (!recorder.AllStored.IsCompleted)
            {
                await Task.WhenAny(recorder.AllStored, Task.Delay(TimeSpan.FromSeconds(1), timeout));
                timeout.ThrowIfCancellationRequested();
                if (recorder.Recorded != recorded || !ingest.IsCompleted)
                {
                    recorded = recorder.Recorded;
                    idle.Restart();
                }
                else if (idle.Elapsed > StallTimeout && !recorder.AllStored.IsCompleted)
                {
                    output.WriteLine($"Stalled: {recorded:N0} stored, nothing more {StallTimeout.TotalSeconds:N0} s after ingest finished.");
                    return false;
                }
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("Timed out before every event was stored.");
            return false;
        }
    }
}
