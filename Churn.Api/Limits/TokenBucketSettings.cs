using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Limits;

/// <summary>One client's token bucket: <see cref="TokenLimit"/> requests at once, then <see cref="TokensPerPeriod"/> per period.</summary>
public sealed record TokenBucketSettings
{
    /// <summary>Requests a client may send at once (the bucket's size; it starts full).</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; init; } = 10;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; init; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; init; } = TimeSpan.FromSeconds(1);
}
