namespace Churn.Core.Transport.Embedded;

/// <summary>
/// One consumer group on one topic: its committed offsets, its members (in join order) and who owns each partition.
/// Partition p is meant for member p mod n; a member takes a partition only once its previous owner has released
/// it, so revocation always completes (and commits) before the new owner reads. Guarded by <see cref="TopicLog"/>.
/// </summary>
internal sealed class ConsumerGroupState
{
    private int generation;

    public ConsumerGroupState(long[] retainFrom)
    {
        RetainFrom = retainFrom;
        Committed = new long[retainFrom.Length];
        Array.Fill(Committed, -1);
        Owners = new object?[retainFrom.Length];
    }

    /// <summary>Next offset to read per partition, or -1 when the group has never committed there.</summary>
    public long[] Committed { get; }
    /// <summary>Oldest offset per partition when the group was created: kept for it until it commits.</summary>
    public long[] RetainFrom { get; }
    public object?[] Owners { get; }
    public List<object> Members { get; } = [];

    /// <summary>Changes whenever membership or ownership changes; members re-balance when they see a new value.</summary>
    public int Generation => Volatile.Read(ref generation);

    public void Changed() => Interlocked.Increment(ref generation);

    public object? TargetOwner(int partition) => Members.Count == 0 ? null : Members[partition % Members.Count];
}
