namespace Churn.Domain.Monitoring;

/// <summary>
/// One bin of a monitored distribution: a numeric range (<see cref="Lower"/>, <see cref="Upper"/>] (null = unbounded) or
/// a categorical <see cref="Level"/>; the reference share (<see cref="Expected"/>), the window's share
/// (<see cref="Actual"/>) and count, and the bin's term of the PSI, (actual − expected) · ln(actual / expected) with both
/// shares floored at ε.
/// </summary>
public sealed record DriftBin
{
    public required string Label { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public string? Level { get; init; }
    public required double Expected { get; init; }
    public required double Actual { get; init; }
    public required int Count { get; init; }
    public required double Contribution { get; init; }
}
