namespace Churn.Domain.Predictions;

public sealed record ThroughputPoint(DateTimeOffset Start, long Count);
