using System.Diagnostics;

namespace Churn.Kafka;

/// <summary>The Kafka transport's ActivitySource and the name of its Meter (<c>send {topic}</c> spans, sent/failed counters, lag).</summary>
public static class KafkaTelemetry
{
    public const string Name = "Churn.Transport.Kafka";
    public const string MessagingSystem = "kafka";
    public const string ConsumerLagName = "churn.transport.consumer.lag";

    public static readonly ActivitySource Source = new(Name);
}
