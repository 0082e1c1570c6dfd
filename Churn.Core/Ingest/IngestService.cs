using Churn.Core.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Ingest;

/// <summary>
/// Runs the configured source (<see cref="IngestOptions.Mode"/>) through <see cref="IngestRunner"/> on its own
/// long-running task (publishing may block on back-pressure), then stops the host when a finite run is done and
/// <see cref="IngestOptions.StopHostWhenDone"/> is set.
/// </summary>
public sealed partial class IngestService(
    IngestRunner runner,
    IOptions<IngestOptions> options,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<IngestService> logger) : BackgroundService
{
    private readonly IngestOptions _options = options.Value;

    /// <summary>The last completed run (null while running or when nothing ran).</summary>
    public IngestSummary? LastRun { get; private set; }

    /// <summary>Why the run could not start or finish (missing file, no model card…); null otherwise.</summary>
    public Exception? Failure { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.Mode == IngestMode.None
            ? Task.CompletedTask
            : Task.Factory.StartNew(() => RunAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogStarting(_options.Mode, _options.Mode == IngestMode.Csv ? CsvPath : ModelDirectory, _options.Rate);
            LastRun = await runner.RunAsync(Items(), _options.Rate, _options.ProgressInterval, _options.FlushTimeout, stoppingToken);
            if (_options.TrickleRate > 0)
            {
                await TrickleAsync(stoppingToken);
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Any failure ends the run with a reason (missing file, bad card, unreadable CSV, no permission…).
            LogFailed(ex.Message, ex);
            Failure = ex;
        }
        if (_options.StopHostWhenDone)
        {
            // A short run can end while the host is still starting (Kestrel binding its port); stopping then would cancel
            // that start and fail the process, so the stop waits until the host has started.
            await StartedAsync(stoppingToken);
            lifetime.StopApplication();
        }
    }

    private async Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var whenStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var whenStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;
    }

    /// <summary>Synthetic customers at <see cref="IngestOptions.TrickleRate"/> until the host stops (a live-looking stream).</summary>
    private async Task TrickleAsync(CancellationToken stoppingToken)
    {
        var card = ModelFiles.ReadCard(ModelDirectory);
        var seed = (int)(time.GetUtcNow().ToUnixTimeSeconds() % int.MaxValue);
        LogTrickle(_options.TrickleRate, seed);
        var items = new SyntheticSource(card, seed, _options.CustomerPool, time).Read(count: 0);
        await runner.RunAsync(items, _options.TrickleRate, TimeSpan.FromMinutes(1), _options.FlushTimeout, stoppingToken);
    }

    private IEnumerable<IngestItem> Items()
    {
        if (_options.Mode == IngestMode.Synthetic)
        {
            var card = ModelFiles.ReadCard(ModelDirectory);
            return new SyntheticSource(card, _options.Seed, _options.CustomerPool, time).Read(_options.SyntheticCount);
        }
        var csv = new CsvReplaySource(CsvPath, time);
        return Enumerable.Range(0, _options.Repeat).SelectMany(pass => csv.Read(pass));
    }

    /// <summary>The CSV file: absolute, else relative to the working directory if it exists there, else to the data directory.</summary>
    public string CsvPath => ResolveCsvPath(_options.File, configuration);

    /// <summary>Resolves an ingest CSV file as <see cref="IngestOptions.File"/> describes (also used by the Api's replay).</summary>
    public static string ResolveCsvPath(string file, IConfiguration configuration) =>
        Path.IsPathRooted(file) || File.Exists(file)
            ? Path.GetFullPath(file)
            : Path.GetFullPath(Path.Combine(configuration["Churn:DataDirectory"] ?? "data", file));

    private string ModelDirectory =>
        Path.GetFullPath(_options.ModelDirectory ?? configuration["Churn:Model:Directory"] ?? "artifacts/model");

    [LoggerMessage(LogLevel.Information, "Ingest {Mode} from {Source} at {Rate} events/s (0 = max)")]
    private partial void LogStarting(IngestMode mode, string source, double rate);

    [LoggerMessage(LogLevel.Information, "Ingest keeps a synthetic trickle at {Rate} events/s (seed {Seed}) until stopped")]
    private partial void LogTrickle(double rate, int seed);

    [LoggerMessage(LogLevel.Error, "Ingest cannot run: {Reason}")]
    private partial void LogFailed(string reason, Exception exception);
}
