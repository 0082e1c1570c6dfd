namespace Churn.Core.Transport;

/// <summary>
/// Thrown by <see cref="IEventConsumer.Consume"/> when the consumer can no longer work (for Kafka: a fatal client error
/// such as a fenced member). Retrying on the same consumer is pointless: the worker stops and reports unhealthy so the
/// orchestrator restarts the process; uncommitted work is read again by the next consumer.
/// </summary>
public sealed class TransportFailedException(string message, Exception innerException) : Exception(message, innerException);
