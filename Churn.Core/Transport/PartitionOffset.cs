namespace Churn.Core.Transport;

/// <summary>Where a consumer stands in one partition: <see cref="Offset"/> is the next offset to read.</summary>
public readonly record struct PartitionOffset(string Topic, int Partition, long Offset);
