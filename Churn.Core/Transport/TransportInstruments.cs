using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Churn.Core.Transport;

/// <summary>
/// The ActivitySource and Meter of one transport component (Kafka or embedded), with the instruments every
/// publisher records. Span and metric names follow the OpenTelemetry messaging conventions (semconv 1.44) but are
/// our own constants, so a convention rename never silently changes our dashboards.
/// </summary>
public sealed class TransportInstruments
{
    public const string SentMessagesName = "churn.transport.messages.sent";
    public const string FailedMessagesName = "churn.transport.messages.failed";

    public TransportInstruments(string name, string messagingSystem)
    {
        MessagingSystem = messagingSystem;
        ActivitySource = new ActivitySource(name);
        Meter = new Meter(name);
        Sent = Meter.CreateCounter<long>(SentMessagesName, "{message}", "Messages the transport acknowledged.");
        Failed = Meter.CreateCounter<long>(FailedMessagesName, "{message}", "Messages the transport gave up on.");
    }

    public string MessagingSystem { get; }
    public ActivitySource ActivitySource { get; }
    public Meter Meter { get; }
    public Counter<long> Sent { get; }
    public Counter<long> Failed { get; }

    /// <param name="errorType">Low-cardinality failure class (an error code), for the <c>error.type</c> tag.</param>
    internal void RecordDelivery(DeliveryReport report, string? errorType)
    {
        var topic = new KeyValuePair<string, object?>(MessagingTags.DestinationName, report.Topic);
        if (report.Delivered)
        {
            Sent.Add(1, topic);
        }
        else
        {
            Failed.Add(1, topic, new KeyValuePair<string, object?>(MessagingTags.ErrorType, errorType ?? "_OTHER"));
        }
    }
}
