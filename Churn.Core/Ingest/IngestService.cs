using Churn.Core.Scoring;
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is IOException or ModelValidationException or InvalidOperationException
            or Customers.CustomerCsvFormatException)
        {
            LogFailed(ex.Message, ex);
            Failure = ex;
        }
        if (_options.StopHostWhenDone)
        {
            lifetime.StopApplication();
        }
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
    public string CsvPath =>
        Path.IsPathRooted(_options.File) || File.Exists(_options.File)
            ? Path.GetFullPath(_options.File)
            : Path.GetFullPath(Path.Combine(configuration["Churn:DataDirectory"] ?? "data", _options.File));

    private string ModelDirectory =>
        Path.GetFullPath(_options.ModelDirectory ?? configuration["Churn:Model:Directory"] ?? "artifacts/model");

    [LoggerMessage(LogLevel.Information, "Ingest {Mode} from {Source} at {Rate} events/s (0 = max)")]
    private partial void LogStarting(IngestMode mode, string source, double rate);

    [LoggerMessage(LogLevel.Error, "Ingest cannot run: {Reason}")]
    private partial void LogFailed(string reason, Exception exception);
}
