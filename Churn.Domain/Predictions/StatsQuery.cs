namespace Churn.Domain.Predictions;

public sealed record StatsQuery
{
    /// <summary>Width of a throughput bucket.</summary>
    public TimeSpan Bucket { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How far back the throughput series goes from now.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
    public int HistogramBins { get; init; } = 10;
    /// <summary>Probability above which a customer counts as <see cref="CurrentRisk.Contactable"/> (1: nobody).</summary>
    public double ContactAbove { get; init; } = 1;
}
