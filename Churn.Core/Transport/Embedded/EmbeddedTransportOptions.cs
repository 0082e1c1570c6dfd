namespace Churn.Core.Transport.Embedded;

/// <summary>
/// Shape of the in-process event log. Bound from <see cref="SectionName"/>; the defaults suit the embedded pipeline.
/// </summary>
public sealed record EmbeddedTransportOptions
{
    public const string SectionName = "Churn:EmbeddedTransport";

    /// <summary>Partitions per topic; a key always maps to the same one (FNV-1a of the key).</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>
    /// Most messages a partition retains: everything no consumer group has committed yet. A full partition blocks
    /// <c>Publish</c> until the slowest group's commits free space (back-pressure).
    /// </summary>
    public int PartitionCapacity { get; init; } = 65_536;

    /// <summary>
    /// Most messages a partition of the dead-letter topic (<c>Churn:Topics:DeadLetters</c>) retains. Nothing in the
    /// pipeline has to consume dead letters, so that topic never blocks its publishers: when a partition is full its
    /// oldest message is dropped (counted as <c>churn.transport.messages.dropped</c>), as Kafka's retention would, and a
    /// consumer group that had not read it resumes at the new oldest offset.
    /// </summary>
    public int DeadLetterCapacity { get; init; } = 10_000;

    /// <summary>How often a consumer commits the offsets it has stored (as Kafka's auto-commit does).</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <c>Publish</c> may block on a full partition before giving up with a failed delivery report.</summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most messages a consumer moves from the log into its local buffer per fetch.</summary>
    public int FetchBatchSize { get; init; } = 512;

    public void Validate()
    {
        if (Partitions is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Partitions), Partitions, "Partitions must be between 1 and 1024.");
        }
        if (PartitionCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PartitionCapacity), PartitionCapacity, "PartitionCapacity must be positive.");
        }
        if (DeadLetterCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DeadLetterCapacity), DeadLetterCapacity, "DeadLetterCapacity must be positive.");
        }
        if (CommitInterval <= TimeSpan.Zero || MessageTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CommitInterval), "CommitInterval and MessageTimeout must be positive.");
        }
        if (FetchBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FetchBatchSize), FetchBatchSize, "FetchBatchSize must be positive.");
        }
    }
}
