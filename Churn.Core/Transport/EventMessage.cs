namespace Churn.Core.Transport;

/// <summary>A message on the event transport: key (customerId), raw value bytes and headers (trace context, schema…).</summary>
public sealed record EventMessage(string Key, byte[] Value, IReadOnlyList<KeyValuePair<string, byte[]>> Headers)
{
    public string? Header(string name)
    {
        for (var i = Headers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Headers[i].Key, name, StringComparison.Ordinal))
            {
                return System.Text.Encoding.UTF8.GetString(Headers[i].Value);
            }
        }
        return null;
    }
}

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
}

/// <summary>Where a consumer stands in one partition: <see cref="Offset"/> is the next offset to read.</summary>
public readonly record struct PartitionOffset(string Topic, int Partition, long Offset);

/// <summary>What the transport says about one published message.</summary>
public sealed record DeliveryReport(string Topic, int Partition, long Offset, string? Error)
{
    public bool Delivered => Error is null;
}
