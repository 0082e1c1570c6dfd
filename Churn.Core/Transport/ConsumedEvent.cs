namespace Churn.Core.Transport;

/// <summary>A message read from a topic, with its position.</summary>
public sealed record ConsumedEvent(string Topic, int Partition, long Offset, EventMessage Message)
{
    /// <summary>
    /// Set when the transport could not decode the record (e.g. Kafka key deserialization failed). The record's raw
    /// bytes and headers are in <see cref="Message"/> and its position is real, so the caller can dead-letter it and
    /// then store <c>Offset + 1</c>; never process it as a normal event.
    /// </summary>
    public string? PoisonReason { get; init; }

    public bool IsPoison => PoisonReason is not null;

    /// <summary>When the record was written to its topic (Kafka's record timestamp; the embedded log's append time), when known.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
