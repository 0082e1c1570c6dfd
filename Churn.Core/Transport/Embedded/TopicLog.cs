namespace Churn.Core.Transport.Embedded;

/// <summary>
/// One topic of the in-process log: its partitions and consumer groups behind one lock. Publishers that find their
/// partition full and consumers that find nothing to read wait on that lock's monitor; appends, commits and
/// membership changes pulse it, so every wait ends on a real signal (or its timeout). A topic with bounded retention
/// (the dead-letter topic) never makes a publisher wait: a full partition drops its oldest message instead.
/// </summary>
internal sealed class TopicLog
{
    public const long TimedOut = -1;
    public const long LogClosed = -2;
    public const long Cancelled = -3;

    private readonly object gate = new();
    private readonly PartitionLog[] partitions;
    private readonly bool dropOldest;
    private readonly EmbeddedTransportMetrics? metrics;
    private readonly Dictionary<string, ConsumerGroupState> groups = new(StringComparer.Ordinal);
    private int waitingPublishers;
    private int waitingConsumers;
    private bool closed;

    /// <param name="capacity">Messages a partition retains.</param>
    /// <param name="dropOldest">
    /// False: a full partition blocks publishers until every group has committed past its oldest message. True
    /// (bounded retention): the oldest message is dropped and counted on <paramref name="metrics"/>.
    /// </param>
    public TopicLog(string name, int partitionCount, int capacity, bool dropOldest, EmbeddedTransportMetrics? metrics)
    {
        Name = name;
        (this.dropOldest, this.metrics) = (dropOldest, metrics);
        partitions = new PartitionLog[partitionCount];
        for (var p = 0; p < partitions.Length; p++)
        {
            partitions[p] = new PartitionLog(capacity);
        }
    }

    public string Name { get; }
    public int PartitionCount => partitions.Length;
    public int BlockedPublishers { get { lock (gate) { return waitingPublishers; } } }

    /// <summary>
    /// Appends and returns the offset; blocks while the partition is full (with bounded retention: drops the oldest
    /// message instead). <see cref="TimedOut"/>, <see cref="Cancelled"/> (the token fired while waiting for space) or
    /// <see cref="LogClosed"/> otherwise.
    /// </summary>
    public long Append(int partition, EventMessage message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var log = partitions[partition];
        CancellationTokenRegistration cancelled = default;
        try
        {
            lock (gate)
            {
                if (dropOldest && log.IsFull && !closed)
                {
                    // Like Kafka's retention: a group that had not read it resumes at the new oldest offset (FetchLocked).
                    log.TrimTo(log.Start + 1);
                    metrics?.RecordDropped(Name);
                }
                var deadline = Deadline.After(timeout);
                while (log.IsFull && !closed)
                {
                    var remaining = Deadline.Remaining(deadline);
                    if (remaining == 0)
                    {
                        return TimedOut;
                    }
                    if (cancellationToken.CanBeCanceled && cancelled == default)
                    {
                        // Wakes this wait when the token fires; its pulse needs the gate, so it cannot slip in before Wait.
                        cancelled = cancellationToken.UnsafeRegister(static state => ((TopicLog)state!).WakeAll(), this);
                    }
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return Cancelled;
                    }
                    waitingPublishers++;
                    Monitor.Wait(gate, remaining);
                    waitingPublishers--;
                }
                if (closed)
                {
                    return LogClosed;
                }
                var offset = log.Append(message, DateTimeOffset.UtcNow);
                if (waitingConsumers > 0)
                {
                    Monitor.PulseAll(gate);
                }
                return offset;
            }
        }
        finally
        {
            cancelled.Dispose(); // outside the gate: a callback running now waits for it
        }
    }

    private void WakeAll()
    {
        lock (gate)
        {
            Monitor.PulseAll(gate);
        }
    }

    public long EndOffset(int partition) { lock (gate) { return partitions[partition].End; } }

    public long StartOffset(int partition) { lock (gate) { return partitions[partition].Start; } }

    public long? Committed(string group, int partition)
    {
        lock (gate)
        {
            return groups.TryGetValue(group, out var state) && state.Committed[partition] >= 0 ? state.Committed[partition] : null;
        }
    }

    public ConsumerGroupState Join(string group, object member)
    {
        lock (gate)
        {
            if (!groups.TryGetValue(group, out var state))
            {
                groups[group] = state = new ConsumerGroupState(Array.ConvertAll(partitions, p => p.Start));
            }
            state.Members.Add(member);
            state.Changed();
            Monitor.PulseAll(gate);
            return state;
        }
    }

    /// <summary>
    /// What <paramref name="member"/> must give up (still owned until <see cref="Release"/>) and what it now owns,
    /// with the position to read from: the group's committed offset, or the oldest retained message.
    /// </summary>
    public (List<int> Revoke, List<(int Partition, long Position)> Acquired, int Generation) Rebalance(
        ConsumerGroupState group, object member)
    {
        lock (gate)
        {
            var revoke = new List<int>();
            var acquired = new List<(int, long)>();
            for (var p = 0; p < partitions.Length; p++)
            {
                var target = group.TargetOwner(p);
                if (group.Owners[p] == member && target != member)
                {
                    revoke.Add(p);
                }
                else if (group.Owners[p] is null && target == member)
                {
                    group.Owners[p] = member;
                    acquired.Add((p, group.Committed[p] >= 0 ? group.Committed[p] : partitions[p].Start));
                }
            }
            return (revoke, acquired, group.Generation);
        }
    }

    /// <summary>Commits <paramref name="offsets"/> (only partitions <paramref name="member"/> owns) and frees space.</summary>
    public void Commit(ConsumerGroupState group, object member, IReadOnlyDictionary<int, long> offsets)
    {
        lock (gate)
        {
            CommitLocked(group, member, offsets);
        }
    }

    /// <summary>Commits the given offsets, then gives up <paramref name="released"/> so their next owner can read them.</summary>
    public void Release(ConsumerGroupState group, object member, IEnumerable<int> released,
        IReadOnlyDictionary<int, long>? offsets, bool leaveGroup)
    {
        lock (gate)
        {
            if (offsets is not null)
            {
                CommitLocked(group, member, offsets);
            }
            foreach (var p in released)
            {
                if (group.Owners[p] == member)
                {
                    group.Owners[p] = null;
                }
            }
            if (leaveGroup)
            {
                group.Members.Remove(member);
            }
            group.Changed();
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> messages from the owned partitions into <paramref name="into"/>; when none
    /// are there, waits for an append or a group change. False when the deadline passes with nothing new.
    /// </summary>
    public bool FetchOrWait(ConsumerGroupState group, int seenGeneration, IReadOnlyList<int> owned, long[] positions,
        Queue<ConsumedEvent> into, int max, long deadline)
    {
        lock (gate)
        {
            while (!closed && group.Generation == seenGeneration)
            {
                if (FetchLocked(owned, positions, into, max) > 0)
                {
                    return true;
                }
                var remaining = Deadline.Remaining(deadline);
                if (remaining == 0)
                {
                    return false;
                }
                waitingConsumers++;
                Monitor.Wait(gate, remaining);
                waitingConsumers--;
            }
            return !closed;
        }
    }

    public void Close()
    {
        lock (gate)
        {
            closed = true;
            Monitor.PulseAll(gate);
        }
    }

    private int FetchLocked(IReadOnlyList<int> owned, long[] positions, Queue<ConsumedEvent> into, int max)
    {
        var taken = 0;
        var perPartition = Math.Max(1, max / Math.Max(1, owned.Count));
        foreach (var p in owned)
        {
            var log = partitions[p];
            var position = Math.Max(positions[p], log.Start);
            var until = Math.Min(log.End, position + perPartition);
            for (; position < until; position++, taken++)
            {
                into.Enqueue(new ConsumedEvent(Name, p, position, log.Read(position)) { Timestamp = log.AppendedAt(position) });
            }
            positions[p] = position;
        }
        return taken;
    }

    private void CommitLocked(ConsumerGroupState group, object member, IReadOnlyDictionary<int, long> offsets)
    {
        var freed = false;
        foreach (var (p, offset) in offsets)
        {
            if (group.Owners[p] == member && offset > group.Committed[p])
            {
                group.Committed[p] = Math.Min(offset, partitions[p].End);
                freed |= partitions[p].TrimTo(OldestCommitted(p));
            }
        }
        if (freed && waitingPublishers > 0)
        {
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The lowest offset some group still needs in partition <paramref name="p"/>.</summary>
    private long OldestCommitted(int p)
    {
        var oldest = long.MaxValue;
        foreach (var group in groups.Values)
        {
            oldest = Math.Min(oldest, group.Committed[p] >= 0 ? group.Committed[p] : group.RetainFrom[p]);
        }
        return oldest;
    }
}
