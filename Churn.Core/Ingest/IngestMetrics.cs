using System.Diagnostics.Metrics;

namespace Churn.Core.Ingest;

/// <summary>Instruments of the <c>Churn.Ingest</c> meter.</summary>
public sealed class IngestMetrics
{
    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(IngestTelemetry.Name);
        Ingested = meter.CreateCounter<long>("churn.ingest.events.ingested", "{event}",
            "Events the transport confirmed on churn.customers.");
        Rejected = meter.CreateCounter<long>("churn.ingest.events.rejected", "{event}",
            "Inputs that broke the customer contract, by reason (the first failing column).");
        DeliveryFailures = meter.CreateCounter<long>("churn.ingest.delivery.failures", "{event}",
            "Events the transport failed to deliver.");
    }

    public Counter<long> Ingested { get; }
    public Counter<long> Rejected { get; }
    public Counter<long> DeliveryFailures { get; }
}
