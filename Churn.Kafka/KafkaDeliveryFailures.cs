using Churn.Core.Transport;
using Confluent.Kafka;

namespace Churn.Kafka;

/// <summary>Which Kafka errors mean that sending the same message again cannot help.</summary>
public static class KafkaDeliveryFailures
{
    public static DeliveryFailure Classify(ErrorCode code) => code switch
    {
        ErrorCode.NoError => DeliveryFailure.None,
        ErrorCode.MsgSizeTooLarge or ErrorCode.RecordListTooLarge => DeliveryFailure.TooLarge,
        ErrorCode.TopicAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed or ErrorCode.TopicException
            or ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic or ErrorCode.Local_UnknownPartition
            or ErrorCode.InvalidRecord => DeliveryFailure.Refused,
        _ => DeliveryFailure.Transient,
    };
}
