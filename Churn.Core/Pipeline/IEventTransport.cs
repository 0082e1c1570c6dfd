namespace Churn.Core.Pipeline;

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

/// <summary>
/// Port: the consuming side of the event transport, with Kafka's offset semantics: a consumer in a group reads its
/// assigned partitions from the group's committed offsets; offsets advance only through <see cref="StoreOffsets"/>
/// (committed periodically and on <see cref="Close"/>), so work that was never stored is read again after a crash.
/// All members are called from the one consume-loop thread. Rebalance callbacks run inside <see cref="Consume"/>.
/// </summary>
public interface IEventConsumer : IDisposable
{
    void Subscribe(string topic);

    /// <summary>Returns the next message, or null when none arrives within <paramref name="timeout"/>.</summary>
    ConsumedEvent? Consume(TimeSpan timeout);

    /// <summary>Marks everything before each given offset (next offset to read) as processed.</summary>
    void StoreOffsets(IEnumerable<PartitionOffset> offsets);

    /// <summary>Partitions assigned to this consumer were taken away; buffered work for them must not be stored.</summary>
    event Action<IReadOnlyList<(string Topic, int Partition)>>? PartitionsRevoked;

    /// <summary>Commits stored offsets and leaves the group.</summary>
    void Close();
}
