namespace Churn.Core.Transport.Embedded;

/// <summary>
/// One partition: a fixed ring of the retained messages and the time each was appended, offsets <see cref="Start"/>
/// (oldest still retained) up to <see cref="End"/> (next offset to assign). Not thread-safe: <see cref="TopicLog"/>
/// guards it.
/// </summary>
internal sealed class PartitionLog(int capacity)
{
    private readonly EventMessage?[] slots = new EventMessage?[capacity];
    private readonly DateTimeOffset[] appended = new DateTimeOffset[capacity];

    public long Start { get; private set; }
    public long End { get; private set; }
    public bool IsFull => End - Start >= slots.Length;

    public long Append(EventMessage message, DateTimeOffset at)
    {
        slots[End % slots.Length] = message;
        appended[End % slots.Length] = at;
        return End++;
    }

    public EventMessage Read(long offset) => slots[offset % slots.Length]!;

    public DateTimeOffset AppendedAt(long offset) => appended[offset % slots.Length];

    /// <summary>Forgets every message before <paramref name="offset"/> (all groups have committed past it, or retention dropped it).</summary>
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
