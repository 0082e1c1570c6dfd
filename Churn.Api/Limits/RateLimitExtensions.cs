using System.Globalization;
using System.Threading.RateLimiting;
using Churn.Api.Extensions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Churn.Api.Limits;

/// <summary>
/// ASP.NET Core's rate limiter over the open endpoints, per <see cref="ClientPartition"/>: a token bucket on what-if
/// scoring (<see cref="ScorePolicy"/>), a concurrency limit on live streams per client (<see cref="LiveStreamPolicy"/>)
/// and in total (<see cref="LiveStreamCap"/>). No queueing: a request over a limit is refused at once, before its body
/// is read, with a 429 ProblemDetails and Retry-After.
/// </summary>
public static class RateLimitExtensions
{
    public const string ScorePolicy = "score";
    public const string LiveStreamPolicy = "live-stream";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<ChurnApiOptions>>((options, limitOptions, api) =>
        {
            var limits = limitOptions.Value;
            options.OnRejected = RateLimitRejection.WriteAsync;
            options.GlobalLimiter = new LiveStreamCap(limits.StreamsTotal);
            options.AddPolicy(ScorePolicy, context =>
            {
                var client = ClientPartition.Of(context, api.Value.ApiKey);
                var bucket = client.HasApiKey ? limits.ScoreWithApiKey : limits.Score;
                return RateLimitPartition.GetTokenBucketLimiter(client.Key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = bucket.TokenLimit, TokensPerPeriod = bucket.TokensPerPeriod,
                    ReplenishmentPeriod = bucket.ReplenishmentPeriod, QueueLimit = 0,
                });
            });
            options.AddPolicy(LiveStreamPolicy, context => RateLimitPartition.GetConcurrencyLimiter(
                ClientPartition.Of(context, api.Value.ApiKey).Key,
                _ => new ConcurrencyLimiterOptions { PermitLimit = limits.StreamsPerClient, QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>The cap on customers per what-if request for this caller, and where it comes from (for the 400).</summary>
    public static (int Max, string Source) WhatIfBatchLimit(HttpContext context, ChurnApiOptions api, RateLimitOptions limits) =>
        ClientPartition.Of(context, api.ApiKey).HasApiKey || limits.AnonymousMaxBatchSize >= api.MaxBatchSize
            ? (api.MaxBatchSize, "")
            : (limits.AnonymousMaxBatchSize, string.Create(CultureInfo.InvariantCulture,
                $" without an API key (Churn:RateLimits:AnonymousMaxBatchSize; with the X-Api-Key header up to {api.MaxBatchSize})"));
}
