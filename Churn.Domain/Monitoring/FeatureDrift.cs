namespace Churn.Domain.Monitoring;

/// <summary>
/// Population stability of one customer field over the window against the training file: the PSI (null without a
/// reference or an event), its <see cref="State"/>, the events it needs before it is judged (<see cref="MinimumEvents"/>:
/// more bins need more events) and its bins.
/// </summary>
public sealed record FeatureDrift
{
    public required string Feature { get; init; }
    /// <summary><c>numeric</c> (quantile bins of the training file) or <c>categorical</c> (its levels).</summary>
    public required string Kind { get; init; }
    public double? Psi { get; init; }
    public required DriftState State { get; init; }
    public required int Events { get; init; }
    public int? MinimumEvents { get; init; }
    public required IReadOnlyList<DriftBin> Bins { get; init; }
}
