namespace Churn.Core.Transport;

/// <summary>
/// Port: the producing side of the event transport (Kafka, or the embedded in-process log).
/// </summary>
public interface IEventPublisher : IDisposable
{
    /// <summary>
    /// Enqueues <paramref name="message"/> for <paramref name="topic"/>, partitioned by its key. Blocks while the
    /// transport's queue is full (back-pressure). <paramref name="onDelivered"/> runs exactly once, when the transport
    /// has durably accepted the message or given up on it; it must not block.
    /// </summary>
    void Publish(string topic, EventMessage message, Action<DeliveryReport> onDelivered);

    /// <summary>Waits until every enqueued message has a delivery report; returns how many are still in flight.</summary>
    int Flush(TimeSpan timeout);
}
