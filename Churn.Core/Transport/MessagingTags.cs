namespace Churn.Core.Transport;

/// <summary>OpenTelemetry messaging attribute names (semconv 1.44).</summary>
public static class MessagingTags
{
    public const string System = "messaging.system";
    public const string OperationName = "messaging.operation.name";
    public const string OperationType = "messaging.operation.type";
    public const string DestinationName = "messaging.destination.name";
    public const string PartitionId = "messaging.destination.partition.id";
    public const string KafkaOffset = "messaging.kafka.offset";
    public const string KafkaMessageKey = "messaging.kafka.message.key";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string ErrorType = "error.type";
}
