using System.Text.Json;
using System.Text.Json.Serialization;

namespace Churn.Benchmarks.Pipeline;

/// <summary>The JSON the pipeline command writes (<c>--json</c>).</summary>
public sealed record PipelineSummary(
    long Events,
    long Stored,
    double EventsPerSecond,
    LatencySummary LatencyMs,
    LatencySummary LatencyFromIngestMs,
    double Rate,
    int MaxBatchSize,
    int IntraOpThreads,
    int ParallelRuns,
    double ElapsedSeconds,
    long Batches,
    double MeanBatchSize,
    double IngestEventsPerSecond,
    string Database,
    string Model,
    string Machine)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
