using System.Globalization;

namespace Churn.Benchmarks;

/// <summary>Arguments of the <c>pipeline</c> command.</summary>
internal sealed record PipelineOptions(long Events, double Rate, string Db, string? Json, string ModelDirectory, int BatchSize, int ParallelRuns)
{
    public static PipelineOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option, got '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"option '{args[^1]}' has no value");
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        return new PipelineOptions(
            long.Parse(Get("events", "100000"), CultureInfo.InvariantCulture),
            double.Parse(Get("rate", "0"), CultureInfo.InvariantCulture),
            Path.GetFullPath(Get("db", "artifacts/pipeline-benchmark.db")),
            values.TryGetValue("json", out var json) ? Path.GetFullPath(json) : null,
            Path.GetFullPath(Get("model", "artifacts/model")),
            int.Parse(Get("batch", "500"), CultureInfo.InvariantCulture),
            int.Parse(Get("parallel-runs", new Churn.Core.Scoring.OnnxScorerOptions().ParallelRuns.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
    }
}
