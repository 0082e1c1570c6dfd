using System.Diagnostics.Metrics;

namespace Churn.Core.Worker;

/// <summary>Instruments of the <c>Churn.Scoring</c> meter. One per DI container (created from <see cref="IMeterFactory"/>).</summary>
public sealed class ScoringMetrics
{
    public ScoringMetrics(IMeterFactory meterFactory, ScoringWorkerStatus status)
    {
        var meter = meterFactory.Create(ScoringTelemetry.Name);
        PredictionsWritten = meter.CreateCounter<long>("churn.scoring.predictions.written", "{prediction}",
            "Predictions durably written to the store.");
        DeadLettered = meter.CreateCounter<long>("churn.scoring.records.dead_lettered", "{record}",
            "Poison records sent to the dead-letter topic, by reason.");
        BatchSize = meter.CreateHistogram<int>("churn.scoring.batch.size", "{record}", "Records per micro-batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 8, 32, 64, 128, 256, 512, 1024, 2048] });
        EndToEndLatency = meter.CreateHistogram<double>("churn.scoring.end_to_end.latency", "ms",
            "From the event's occurredAt to its prediction being stored.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000, 30000] });
        StoreRetries = meter.CreateCounter<long>("churn.scoring.store.retries", "{retry}",
            "Failed store writes that were retried (offsets did not move).");
        BatchFailures = meter.CreateCounter<long>("churn.scoring.batch.failures", "{batch}",
            "Batches that failed as a whole (most records failed the model or the store) and were retried.");
        DeadLettersUndeliverable = meter.CreateCounter<long>("churn.scoring.dead_letters.undeliverable", "{record}",
            "Poison records the dead-letter topic refused even as an envelope: logged at Error and given up.");
        meter.CreateObservableGauge("churn.scoring.batch.unwritten_age", () => status.UnwrittenFor().TotalSeconds, "s",
            "How long the batch in hand has been unwritten (0 when none): grows while an outage or a batch failure is retried.");
    }

    public Counter<long> PredictionsWritten { get; }
    public Counter<long> DeadLettered { get; }
    public Histogram<int> BatchSize { get; }
    public Histogram<double> EndToEndLatency { get; }
    public Counter<long> StoreRetries { get; }
    public Counter<long> BatchFailures { get; }
    public Counter<long> DeadLettersUndeliverable { get; }
}
