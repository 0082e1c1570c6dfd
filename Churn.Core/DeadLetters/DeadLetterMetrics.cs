using System.Diagnostics.Metrics;

namespace Churn.Core.DeadLetters;

/// <summary>Instruments of the <c>Churn.DeadLetters</c> meter. One per DI container (created from <see cref="IMeterFactory"/>).</summary>
public sealed class DeadLetterMetrics
{
    public const string RecordedName = "churn.dead_letters.recorded";
    public const string StoreRetriesName = "churn.dead_letters.store.retries";

    public DeadLetterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(DeadLetterTelemetry.Name);
        Recorded = meter.CreateCounter<long>(RecordedName, "{record}",
            "Dead letters read from the dead-letter topic and stored, by reason kind.");
        StoreRetries = meter.CreateCounter<long>(StoreRetriesName, "{retry}",
            "Failed writes of recorded dead letters that were retried (offsets did not move).");
    }

    public Counter<long> Recorded { get; }
    public Counter<long> StoreRetries { get; }
}
