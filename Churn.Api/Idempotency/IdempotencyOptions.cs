using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Idempotency;

/// <summary>How long and how many Idempotency-Keys POST /api/customers remembers (section <c>Churn:Idempotency</c>).</summary>
public sealed record IdempotencyOptions
{
    public const string SectionName = "Churn:Idempotency";

    /// <summary>How long after its first use a key is remembered (its body's fingerprint, and whether it completed).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Ttl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Most keys remembered at once; beyond it the oldest are forgotten first (about 300 bytes each).</summary>
    [Range(1, 1_000_000)]
    public int MaxKeys { get; init; } = 10_000;
}
