using System.Text.Json;
using System.Text.Json.Serialization;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The JSON the pipeline command writes (<c>--json</c>); <see cref="Kafka"/> only for <c>--transport kafka</c>,
/// <see cref="Shadow"/> only with <c>--challenger</c>. <see cref="CpuSeconds"/> is the process's CPU time over the same
/// window as <see cref="ElapsedSeconds"/> (first publish to the last served prediction stored).
/// <see cref="WalFileBytes"/>: the SQLite WAL file's length when the last event was stored, its high-water mark (SQLite
/// rewinds the WAL without shrinking the file). <see cref="Memory"/> only with <c>--memory-every</c>. <see cref="StoredWithReasons"/> counts the stored predictions that carry reason codes (all with <see cref="Reasons"/>, none without).
/// </summary>
public sealed record PipelineSummary(
    string Transport,
    int Workers,
    long Events,
    long Stored,
    double EventsPerSecond,
    LatencySummary LatencyMs,
    LatencySummary LatencyFromIngestMs,
    LatencySummary LatencyAfterFirstSecondMs,
    LatencySummary BatchWriteMs,
    double Rate,
    int MaxBatchSize,
    int IntraOpThreads,
    int ParallelRuns,
    bool Reasons,
    long StoredWithReasons,
    double ElapsedSeconds,
    double CpuSeconds,
    long Batches,
    double MeanBatchSize,
    double IngestEventsPerSecond,
    long[] StoredPerWorker,
    KafkaRunFacts? Kafka,
    string Database,
    string Model,
    string Machine,
    ShadowRunFacts? Shadow,
    MemoryCurve? Memory,
    long WalFileBytes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PipelineSummary FromJson(string json) =>
        JsonSerializer.Deserialize<PipelineSummary>(json, Json) ?? throw new InvalidDataException("empty pipeline summary");
}
