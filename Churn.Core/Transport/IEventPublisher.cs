namespace Churn.Core.Transport;

/// <summary>
/// Port: the producing side of the event transport (Kafka, or the embedded in-process log).
/// </summary>
public interface IEventPublisher : IDisposable
{
    /// <summary>
    /// Enqueues <paramref name="message"/> for <paramref name="topic"/>, partitioned by its key. Blocks while the
    /// transport's queue is full (back-pressure), but no longer than the transport's own bound and never after
    /// <paramref name="cancellationToken"/> fires: a publish that gives up reports a <see cref="DeliveryFailure.Transient"/>
    /// failure (the message was not enqueued; sending it again may work) and returns. The token bounds only that wait:
    /// a message with room to go is enqueued whatever the token says, and one already enqueued is not recalled.
    /// <paramref name="onDelivered"/> runs exactly once, when the transport has durably accepted the message or given
    /// up on it; it must not block.
    /// </summary>
    void Publish(string topic, EventMessage message, Action<DeliveryReport> onDelivered,
        CancellationToken cancellationToken = default);

    /// <summary>Waits until every enqueued message has a delivery report; returns how many are still in flight.</summary>
    int Flush(TimeSpan timeout);
}
