using System.Globalization;
using Churn.Core.Ingest;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// What every host of a pipeline run shares, whatever the transport: a builder on the repository's content root with
/// logs at Warning, only the settings the command line overrides (everything else is the product's defaults), and the
/// store wrapped to time each durable write.
/// </summary>
public static class PipelineHosts
{
    public static HostApplicationBuilder CreateBuilder(string applicationName, PipelineRunOptions run,
        IEnumerable<KeyValuePair<string, string?>>? transportSettings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [], ContentRootPath = RepositoryPaths.Root, ApplicationName = applicationName,
        });
        builder.Configuration.AddInMemoryCollection(Settings(run).Concat(transportSettings ?? []));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// True when <paramref name="path"/> is inside the hosts' content root. The default configuration watches that
    /// folder recursively (reloadOnChange of appsettings.json), so every write of a SQLite file there wakes it.
    /// </summary>
    public static bool IsUnderContentRoot(string path) =>
        Path.GetFullPath(path).StartsWith(RepositoryPaths.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar,
            StringComparison.Ordinal);

    /// <summary>Replaces the host's store by the product's SQLite store wrapped in a <see cref="LatencyRecordingStore"/>.</summary>
    public static void RecordLatency(this IServiceCollection services, LatencyRecorder recorder) =>
        services.Replace(ServiceDescriptor.Singleton<IPredictionStore>(sp =>
            new LatencyRecordingStore(sp.GetRequiredService<SqlitePredictionStore>(), TimeProvider.System, recorder)));

    /// <summary>The settings every host of a run gets: the bench model, ingest off (the command drives it), the run's database and overrides.</summary>
    public static Dictionary<string, string?> Settings(PipelineRunOptions run)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Churn:Model:Directory"] = run.ModelDirectory,
            ["Churn:Model:Watch"] = "false",
            ["Churn:Ingest:Mode"] = nameof(IngestMode.None), // the command drives the IngestRunner itself
            ["Churn:Sqlite:Path"] = run.Database,
            ["Churn:Model:Reasons"] = run.Reasons ? "true" : "false",
        };
        if (run.Challenger is { } slot)
        {
            settings["Churn:Challenger:Directory"] = slot;
        }
        else
        {
            settings["Churn:Challenger:Enabled"] = "false";
        }
        if (run.Batch > 0)
        {
            settings["Churn:Scoring:MaxBatchSize"] = run.Batch.ToString(CultureInfo.InvariantCulture);
        }
        if (run.IntraOpThreads > 0)
        {
            settings["Churn:Model:Onnx:IntraOpThreads"] = run.IntraOpThreads.ToString(CultureInfo.InvariantCulture);
        }
        if (run.ParallelRuns > 0)
        {
            settings["Churn:Model:Onnx:ParallelRuns"] = run.ParallelRuns.ToString(CultureInfo.InvariantCulture);
        }
        return settings;
    }
}
