using System.Text.Json.Serialization;

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
    /// <summary>
    /// Numeric features: the training file's shares in (up to) 10 quantile bins, the reference of the drift monitor's
    /// population stability index. Absent from cards written before drift monitoring (then that feature has no reference).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReferenceDistribution? Distribution { get; init; }
}
