using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Churn.Core.Scoring;

/// <summary>The scoring component's ActivitySource and Meter (both named <see cref="Name"/>).</summary>
public static class ScoringTelemetry
{
    public const string Name = "Churn.Scoring";

    public static readonly ActivitySource Source = new(Name);
}

/// <summary>Instruments of the <c>Churn.Scoring</c> meter. One per DI container (created from <see cref="IMeterFactory"/>).</summary>
public sealed class ScoringMetrics
{
    private string? _modelVersion;

    public ScoringMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(ScoringTelemetry.Name);
        PredictionsWritten = Meter.CreateCounter<long>("churn.scoring.predictions.written", "{prediction}",
            "Predictions durably written to the store.");
        DeadLettered = Meter.CreateCounter<long>("churn.scoring.records.dead_lettered", "{record}",
            "Poison records sent to the dead-letter topic, by reason.");
        BatchSize = Meter.CreateHistogram<int>("churn.scoring.batch.size", "{record}", "Records per micro-batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 8, 32, 64, 128, 256, 512, 1024, 2048] });
        EndToEndLatency = Meter.CreateHistogram<double>("churn.scoring.end_to_end.latency", "ms",
            "From the event's occurredAt to its prediction being stored.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000, 30000] });
        StoreRetries = Meter.CreateCounter<long>("churn.scoring.store.retries", "{retry}",
            "Failed store writes that were retried (offsets did not move).");
        ModelSwaps = Meter.CreateCounter<long>("churn.scoring.model.swaps", "{swap}", "Models swapped in.");
        ModelRejections = Meter.CreateCounter<long>("churn.scoring.model.rejections", "{model}",
            "Candidate models refused by validation (the current one kept serving).");
        Meter.CreateObservableGauge("churn.scoring.model.current", ObserveModel, "{model}",
            "1, tagged with the version of the model currently serving.");
    }

    public Meter Meter { get; }
    public Counter<long> PredictionsWritten { get; }
    public Counter<long> DeadLettered { get; }
    public Histogram<int> BatchSize { get; }
    public Histogram<double> EndToEndLatency { get; }
    public Counter<long> StoreRetries { get; }
    public Counter<long> ModelSwaps { get; }
    public Counter<long> ModelRejections { get; }

    internal void SetModelVersion(string version) => Volatile.Write(ref _modelVersion, version);

    private IEnumerable<Measurement<int>> ObserveModel()
    {
        var version = Volatile.Read(ref _modelVersion);
        return version is null ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>("model.version", version))];
    }
}
