namespace Churn.Core.Transport.Embedded;

/// <summary>
/// One partition: a fixed ring of the retained messages, offsets <see cref="Start"/> (oldest still retained) up to
/// <see cref="End"/> (next offset to assign). Not thread-safe: <see cref="TopicLog"/> guards it.
/// </summary>
internal sealed class PartitionLog(int capacity)
{
    private readonly EventMessage?[] slots = new EventMessage?[capacity];

    public long Start { get; private set; }
    public long End { get; private set; }
    public bool IsFull => End - Start >= slots.Length;

    public long Append(EventMessage message)
    {
        slots[End % slots.Length] = message;
        return End++;
    }

    public EventMessage Read(long offset) => slots[offset % slots.Length]!;

    /// <summary>Forgets every message before <paramref name="offset"/> (all groups have committed past it).</summary>
    public bool TrimTo(long offset)
    {
        offset = Math.Min(offset, End);
        if (offset <= Start)
        {
            return false;
        }
        for (var o = Start; o < offset; o++)
        {
            slots[o % slots.Length] = null;
        }
        Start = offset;
        return true;
    }
}
