using System.Diagnostics.Metrics;

namespace Churn.Core.Challenger;

/// <summary>Instruments of the <c>Churn.Challenger</c> meter. One per DI container (created from <see cref="IMeterFactory"/>).</summary>
public sealed class ChallengerMetrics
{
    private string? _version;

    public ChallengerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ChallengerTelemetry.Name);
        Written = meter.CreateCounter<long>("churn.challenger.predictions.written", "{prediction}",
            "Shadow predictions of the challenger durably written (apart from the predictions).");
        Failures = meter.CreateCounter<long>("churn.challenger.failures", "{prediction}",
            "Events the challenger did not shadow because it failed: stage=score (it threw or returned a non-probability), " +
            "stage=store (the shadow write failed every attempt). The serving path is not affected.");
        Dropped = meter.CreateCounter<long>("churn.challenger.dropped", "{prediction}",
            "Events not shadowed because the shadow scorer was too far behind (its queue was full).");
        ScoringDuration = meter.CreateHistogram<double>("churn.challenger.scoring.duration", "ms",
            "The challenger's scorer call per shadowed batch (the extra ONNX run).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250] });
        Swaps = meter.CreateCounter<long>("churn.challenger.swaps", "{swap}", "Challenger models loaded or removed.");
        Rejections = meter.CreateCounter<long>("churn.challenger.rejections", "{model}",
            "Challenger candidates refused by the serving model's validation.");
        Promotions = meter.CreateCounter<long>("churn.challenger.promotions", "{promotion}",
            "Promotions of the challenger to serving, by outcome (Swapped, Unchanged, Rejected).");
        meter.CreateObservableGauge("churn.challenger.current", Observe, "{model}",
            "1, tagged with the version of the challenger being shadowed (nothing when there is none).");
    }

    public Counter<long> Written { get; }
    public Counter<long> Failures { get; }
    public Counter<long> Dropped { get; }
    public Histogram<double> ScoringDuration { get; }
    public Counter<long> Swaps { get; }
    public Counter<long> Rejections { get; }
    public Counter<long> Promotions { get; }

    internal void Shadowing(string? version) => Volatile.Write(ref _version, version);

    private IEnumerable<Measurement<int>> Observe()
    {
        var version = Volatile.Read(ref _version);
        return version is null ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>("model.version", version))];
    }
}
