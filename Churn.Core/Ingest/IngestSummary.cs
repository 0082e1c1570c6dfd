namespace Churn.Core.Ingest;

/// <summary>What one ingest run did.</summary>
public sealed record IngestSummary(long Read, long Delivered, long Rejected, long DeliveryFailures, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Delivered / Elapsed.TotalSeconds : 0;
}
