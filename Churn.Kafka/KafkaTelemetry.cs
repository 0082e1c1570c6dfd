using Churn.Core.Transport;

namespace Churn.Kafka;

/// <summary>The Kafka transport's ActivitySource and Meter (<c>send {topic}</c> spans, sent/failed counters, lag).</summary>
public static class KafkaTelemetry
{
    public const string Name = "Churn.Transport.Kafka";
    public const string MessagingSystem = "kafka";
    public const string ConsumerLagName = "churn.transport.consumer.lag";

    public static TransportInstruments Instruments { get; } = new(Name, MessagingSystem);
}
