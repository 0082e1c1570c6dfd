using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Churn.Kafka;

/// <summary>
/// Builds Confluent clients with librdkafka's logs and errors routed to <see cref="ILogger"/> (category
/// <see cref="KafkaTelemetry.Name"/>), and a consumer whose rebalance and statistics handlers reach its adapter.
/// </summary>
public static class KafkaClientFactory
{
    public static IProducer<string, byte[]> BuildProducer(ProducerConfig config, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(KafkaTelemetry.Name);
        return new ProducerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => Log(logger, message))
            .SetErrorHandler((_, error) => Log(logger, error))
            .Build();
    }

    public static KafkaEventConsumer BuildConsumer(ConsumerConfig config, ILoggerFactory loggerFactory, KafkaConsumerLag? lag)
    {
        var logger = loggerFactory.CreateLogger(KafkaTelemetry.Name);
        KafkaEventConsumer? adapter = null;   // handlers only run inside Consume/Close, after it is set
        var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetKeyDeserializer(StrictUtf8Deserializer.Instance)
            .SetPartitionsAssignedHandler((_, partitions) => { adapter?.OnAssigned(partitions); })
            .SetPartitionsRevokedHandler((_, partitions) => { adapter?.OnRevoked(partitions); })
            .SetPartitionsLostHandler((_, partitions) => { adapter?.OnLost(partitions); })
            .SetStatisticsHandler((_, json) => lag?.Update(json))
            .SetLogHandler((_, message) => Log(logger, message))
            .SetErrorHandler((_, error) => Log(logger, error))
            .Build();
        return adapter = new KafkaEventConsumer(consumer, loggerFactory.CreateLogger<KafkaEventConsumer>());
    }

    private static void Log(ILogger logger, LogMessage message) =>
        logger.Log((LogLevel)message.LevelAs(LogLevelType.MicrosoftExtensionsLogging),
            "librdkafka {Name} {Facility}: {Message}", message.Name, message.Facility, message.Message);

    private static void Log(ILogger logger, Error error) =>
        logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning,
            "librdkafka error {Code}: {Reason}", error.Code, error.Reason);
}
