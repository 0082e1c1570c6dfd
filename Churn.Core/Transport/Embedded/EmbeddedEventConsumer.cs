namespace Churn.Core.Transport.Embedded;

/// <summary>
/// A member of a consumer group on the in-process log, with Kafka's semantics: it reads its partitions from the
/// group's committed offsets, <see cref="StoreOffsets"/> only marks progress, a timer commits stored offsets every
/// <see cref="EmbeddedTransportOptions.CommitInterval"/>, <see cref="Close"/> revokes, commits and leaves, and
/// <see cref="Dispose"/> without <see cref="Close"/> is a crash: stored-but-uncommitted work is read again by the
/// next member. Single-threaded by contract (only the commit timer runs beside the consume loop).
/// </summary>
public sealed class EmbeddedEventConsumer : IEventConsumer
{
    private readonly EmbeddedEventLog log;
    private readonly string groupId;
    private readonly List<int> owned = [];
    private readonly Queue<ConsumedEvent> fetched = new();
    private readonly Dictionary<int, long> stored = [];
    private readonly Lock storedLock = new();
    private TopicLog? topic;
    private ConsumerGroupState? group;
    private long[] positions = [];
    private int generation = -1;
    private Timer? commitTimer;
    private bool closed;
    private bool disposed;

    internal EmbeddedEventConsumer(EmbeddedEventLog log, string groupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        (this.log, this.groupId) = (log, groupId);
    }

    public event Action<IReadOnlyList<(string Topic, int Partition)>>? PartitionsRevoked;

    public string MessagingSystem => EmbeddedTransportTelemetry.MessagingSystem;

    /// <summary>The partitions this member currently owns (after its last <see cref="Consume"/>).</summary>
    public IReadOnlyList<int> Assignment => owned;

    public void Subscribe(string topic)
    {
        ThrowIfNotOpen();
        if (this.topic is not null)
        {
            throw new InvalidOperationException(
                $"Consumer of group '{groupId}' is already subscribed to '{this.topic.Name}'; the embedded log supports one topic per consumer.");
        }
        this.topic = log.Topic(topic);
        positions = new long[this.topic.PartitionCount];
        group = this.topic.Join(groupId, this);
        var interval = log.Options.CommitInterval;
        commitTimer = new Timer(static state => ((EmbeddedEventConsumer)state!).CommitStored(), this, interval, interval);
    }

    public ConsumedEvent? Consume(TimeSpan timeout)
    {
        ThrowIfNotOpen();
        if (topic is null || group is null)
        {
            throw new InvalidOperationException("Subscribe before consuming.");
        }
        var deadline = Deadline.After(timeout);
        while (true)
        {
            if (group.Generation != generation)
            {
                Rebalance(topic, group);
            }
            if (fetched.TryDequeue(out var next))
            {
                return next;
            }
            if (!topic.FetchOrWait(group, generation, owned, positions, fetched, log.Options.FetchBatchSize, deadline))
            {
                return null;
            }
        }
    }

    public void StoreOffsets(IEnumerable<PartitionOffset> offsets)
    {
        ThrowIfNotOpen();
        lock (storedLock)
        {
            foreach (var (topicName, partition, offset) in offsets)
            {
                // Like Kafka's Local_State on an unassigned partition: progress on a partition we lost is dropped.
                if (topicName != topic?.Name || !owned.Contains(partition))
                {
                    continue;
                }
                if (offset > positions[partition])
                {
                    throw new ArgumentOutOfRangeException(nameof(offsets), offset,
                        $"Cannot store offset {offset} for {topicName}[{partition}]: only offsets up to {positions[partition]} have been read.");
                }
                stored[partition] = Math.Max(offset, stored.GetValueOrDefault(partition, -1));
            }
        }
    }

    public void Close()
    {
        if (closed || disposed)
        {
            return;
        }
        if (topic is not null && owned.Count > 0)
        {
            // Raised while the partitions are still ours, so the handler may store offsets for written work.
            PartitionsRevoked?.Invoke(owned.Select(p => (topic.Name, p)).ToList());
        }
        lock (storedLock)
        {
            closed = true;
        }
        commitTimer?.Dispose();
        if (topic is not null && group is not null)
        {
            topic.Release(group, this, owned.ToList(), TakeStored(owned), leaveGroup: true);
        }
        owned.Clear();
        fetched.Clear();
    }

    /// <summary>Without a prior <see cref="Close"/> this is a crash: nothing more is committed.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        lock (storedLock)
        {
            disposed = true;
        }
        commitTimer?.Dispose();
        if (!closed && topic is not null && group is not null)
        {
            topic.Release(group, this, owned.ToList(), offsets: null, leaveGroup: true);
        }
        owned.Clear();
        fetched.Clear();
    }

    private void Rebalance(TopicLog topic, ConsumerGroupState group)
    {
        var (revoke, acquired, newGeneration) = topic.Rebalance(group, this);
        generation = newGeneration;
        foreach (var (partition, position) in acquired)
        {
            owned.Add(partition);
            positions[partition] = position;
        }
        if (revoke.Count == 0)
        {
            return;
        }
        // Raised while the partitions are still ours, so the handler may still store offsets for written work.
        PartitionsRevoked?.Invoke(revoke.Select(p => (topic.Name, p)).ToList());
        topic.Release(group, this, revoke, TakeStored(revoke), leaveGroup: false);
        owned.RemoveAll(revoke.Contains);
        var keep = fetched.Where(e => !revoke.Contains(e.Partition)).ToList();
        fetched.Clear();
        keep.ForEach(fetched.Enqueue);
    }

    /// <summary>Timer thread. Holds the store lock through the commit so Close/revocation never miss an offset.</summary>
    private void CommitStored()
    {
        lock (storedLock)
        {
            if (stored.Count == 0 || closed || disposed || topic is null || group is null)
            {
                return;
            }
            topic.Commit(group, this, stored);
            stored.Clear();
        }
    }

    private Dictionary<int, long> TakeStored(IEnumerable<int> partitions)
    {
        lock (storedLock)
        {
            var taken = new Dictionary<int, long>();
            foreach (var p in partitions)
            {
                if (stored.Remove(p, out var offset))
                {
                    taken[p] = offset;
                }
            }
            return taken;
        }
    }

    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (closed)
        {
            throw new InvalidOperationException("The consumer is closed.");
        }
    }
}
