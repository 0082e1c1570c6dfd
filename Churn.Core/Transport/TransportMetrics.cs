using System.Diagnostics.Metrics;

namespace Churn.Core.Transport;

/// <summary>
/// The instruments every publisher of one transport component records, on that component's Meter (created from
/// <see cref="IMeterFactory"/>, one per DI container). Metric names follow the OpenTelemetry messaging conventions
/// (semconv 1.44) but are our own constants, so a convention rename never silently changes our dashboards.
/// </summary>
public sealed class TransportMetrics
{
    public const string SentMessagesName = "churn.transport.messages.sent";
    public const string FailedMessagesName = "churn.transport.messages.failed";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    /// <param name="meterName">The component's name, e.g. <c>Churn.Transport.Kafka</c>.</param>
    public TransportMetrics(IMeterFactory meterFactory, string meterName)
    {
        var meter = meterFactory.Create(meterName);
        _sent = meter.CreateCounter<long>(SentMessagesName, "{message}", "Messages the transport acknowledged.");
        _failed = meter.CreateCounter<long>(FailedMessagesName, "{message}", "Messages the transport gave up on.");
    }

    /// <param name="errorType">Low-cardinality failure class (an error code), for the <c>error.type</c> tag.</param>
    internal void RecordDelivery(DeliveryReport report, string? errorType)
    {
        var topic = new KeyValuePair<string, object?>(MessagingTags.DestinationName, report.Topic);
        if (report.Delivered)
        {
            _sent.Add(1, topic);
        }
        else
        {
            _failed.Add(1, topic, new KeyValuePair<string, object?>(MessagingTags.ErrorType, errorType ?? "_OTHER"));
        }
    }
}
