namespace Churn.Domain.Models;

/// <summary>
/// Training-file statistics of one customer feature. Numeric features fill the numeric fields; categorical ones
/// (state, plans, area code) fill <see cref="Categories"/> with the share of each level.
/// </summary>
public sealed record FeatureStatistics
{
    public required string Kind { get; init; }
    public double Min { get; init; }
    public double Max { get; init; }
    public double Mean { get; init; }
    public double StdDev { get; init; }
    public double Median { get; init; }
    public IReadOnlyDictionary<string, double>? Categories { get; init; }
}
