namespace Churn.Core.Transport;

/// <summary>
/// Port: the consuming side of the event transport, with Kafka's offset semantics: a consumer in a group reads its
/// assigned partitions from the group's committed offsets; offsets advance only through <see cref="StoreOffsets"/>
/// (committed periodically and on <see cref="Close"/>), so work that was never stored is read again after a crash.
/// All members are called from the one consume-loop thread. Rebalance callbacks run inside <see cref="Consume"/>.
/// </summary>
public interface IEventConsumer : IDisposable
{
    /// <summary>The <c>messaging.system</c> of the spans of the records it returns (<c>kafka</c>, <c>churn.embedded</c>).</summary>
    string MessagingSystem { get; }

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
