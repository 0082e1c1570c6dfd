using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Limits;

/// <summary>
/// Limits of the open endpoints, per client (the API key when a valid X-Api-Key is sent, else the remote address; an
/// IPv6 address counts by its /64). Section <c>Churn:RateLimits</c>, validated at start.
/// </summary>
public sealed record RateLimitOptions : IValidatableObject
{
    public const string SectionName = "Churn:RateLimits";

    /// <summary>POST /api/score per anonymous client: 10 at once, 10 more per second.</summary>
    public TokenBucketSettings Score { get; init; } = new();

    /// <summary>POST /api/score for callers with the API key: 100 at once, 100 more per second.</summary>
    public TokenBucketSettings ScoreWithApiKey { get; init; } = new() { TokenLimit = 100, TokensPerPeriod = 100 };

    /// <summary>
    /// Most customers in one POST /api/score without the API key (with it: <c>Churn:MaxBatchSize</c>). A request costs one
    /// token whatever its size, so this caps an anonymous client's scoring at Score's rate × this many customers.
    /// </summary>
    [Range(1, 100_000)]
    public int AnonymousMaxBatchSize { get; init; } = 100;

    /// <summary>Live streams (GET /api/predictions/stream) one client may hold open at once.</summary>
    [Range(1, 10_000)]
    public int StreamsPerClient { get; init; } = 4;

    /// <summary>Live streams open at once over all clients.</summary>
    [Range(1, 100_000)]
    public int StreamsTotal { get; init; } = 200;

    /// <summary>The Retry-After of a refused stream (a slot frees when someone leaves: there is no exact time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StreamRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, bucket) in new[] { (nameof(Score), Score), (nameof(ScoreWithApiKey), ScoreWithApiKey) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(bucket, new ValidationContext(bucket), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(member => $"{name}:{member}")]);
            }
        }
        if (StreamsPerClient > StreamsTotal)
        {
            yield return new ValidationResult("StreamsPerClient cannot exceed StreamsTotal.", [nameof(StreamsPerClient)]);
        }
    }
}
