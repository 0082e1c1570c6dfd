using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Churn.Testing;

namespace Churn.Benchmarks.Setup;

/// <summary>
/// The suites' default configuration: BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations) run in-process
/// (the machine is shared; a suite stays within minutes), a rows/s column, and results under artifacts/benchmarks.
/// A <c>--job</c> on the command line replaces the default job.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
        .AddColumn(new RowsPerSecondColumn())
        .WithArtifactsPath(RepositoryPaths.Artifacts("benchmarks"))
        .WithOptions(ConfigOptions.DisableLogFile);

    /// <summary>Rows per second: every benchmark's Mean is the time of one row (OperationsPerInvoke = rows).</summary>
    private sealed class RowsPerSecondColumn : IColumn
    {
        public string Id => nameof(RowsPerSecondColumn);
        public string ColumnName => "Rows/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Rows scored per second (1 s / Mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats && stats.Mean > 0
                ? (1e9 / stats.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
