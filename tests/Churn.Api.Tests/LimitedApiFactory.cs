namespace Churn.Api.Tests;

/// <summary>
/// The Api with small limits: 10 what-if requests per client and no refill within a test (the bucket refills one token
/// an hour, so the 11th request is refused whatever the machine's speed), anonymous batches of at most 2 customers,
/// and at most 2 live streams per client and 3 in all.
/// </summary>
public sealed class LimitedApiFactory : ApiFactory
{
    public const int ScoreTokens = 10;
    public const int AnonymousMaxBatch = 2;
    public const int StreamsPerClient = 2;
    public const int StreamsTotal = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Churn:RateLimits:Score:TokenLimit"] = ScoreTokens.ToString(),
        ["Churn:RateLimits:Score:TokensPerPeriod"] = "1",
        ["Churn:RateLimits:Score:ReplenishmentPeriod"] = "01:00:00",
        ["Churn:RateLimits:ScoreWithApiKey:TokenLimit"] = "1000",
        ["Churn:RateLimits:ScoreWithApiKey:TokensPerPeriod"] = "1000",
        ["Churn:RateLimits:AnonymousMaxBatchSize"] = AnonymousMaxBatch.ToString(),
        ["Churn:RateLimits:StreamsPerClient"] = StreamsPerClient.ToString(),
        ["Churn:RateLimits:StreamsTotal"] = StreamsTotal.ToString(),
        ["Churn:RateLimits:StreamRetryAfter"] = "00:00:07",
    };
}
