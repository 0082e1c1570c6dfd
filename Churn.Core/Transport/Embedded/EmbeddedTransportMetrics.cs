using System.Diagnostics.Metrics;

namespace Churn.Core.Transport.Embedded;

/// <summary>
/// What only the in-process log counts, on the <see cref="EmbeddedTransportTelemetry.Name"/> meter (created from
/// <see cref="IMeterFactory"/>, one per DI container; the deliveries are counted by <see cref="TransportMetrics"/>
/// on the same meter).
/// </summary>
public sealed class EmbeddedTransportMetrics
{
    public const string DroppedMessagesName = "churn.transport.messages.dropped";

    private readonly Counter<long> _dropped;

    public EmbeddedTransportMetrics(IMeterFactory meterFactory) =>
        _dropped = meterFactory.Create(EmbeddedTransportTelemetry.Name).CreateCounter<long>(DroppedMessagesName, "{message}",
            "Messages the dead-letter topic's bounded retention dropped (oldest first) to make room for new ones.");

    internal void RecordDropped(string topic) =>
        _dropped.Add(1, new KeyValuePair<string, object?>(MessagingTags.DestinationName, topic));
}
