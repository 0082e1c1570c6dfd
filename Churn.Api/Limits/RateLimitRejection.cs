using System.Globalization;
using System.Threading.RateLimiting;
using Churn.Api.Extensions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Churn.Api.Limits;

/// <summary>The 429 of a refused request: a ProblemDetails naming the limit that refused it, and Retry-After in seconds.</summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var (limit, retryAfter, detail) = Describe(rejected, context, limits);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail,
                Extensions = { ["limit"] = limit, ["retryAfterSeconds"] = seconds },
            },
        });
    }

    private static (string Limit, TimeSpan RetryAfter, string Detail) Describe(OnRejectedContext rejected, HttpContext context,
        RateLimitOptions limits)
    {
        var retry = limits.StreamRetryAfter;
        if (rejected.Lease.TryGetMetadata(LiveStreamCap.Scope, out _))
        {
            return (LiveStreamCap.TotalScope, retry, Invariant(
                $"GET /api/predictions/stream allows at most {limits.StreamsTotal} live streams in all at once; retry after {retry.TotalSeconds:0} s."));
        }
        if (LiveStreamCap.IsLiveStream(context))
        {
            return ("streams-per-client", retry, Invariant(
                $"GET /api/predictions/stream allows at most {limits.StreamsPerClient} live streams per client at once; close one or retry after {retry.TotalSeconds:0} s."));
        }
        var apiKey = context.RequestServices.GetRequiredService<IOptions<ChurnApiOptions>>().Value.ApiKey;
        var bucket = ClientPartition.Of(context, apiKey).HasApiKey ? limits.ScoreWithApiKey : limits.Score;
        var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : bucket.ReplenishmentPeriod;
        return ("score", after, Invariant(
            $"POST /api/score takes {bucket.TokenLimit} requests at once and {bucket.TokensPerPeriod} more every {bucket.ReplenishmentPeriod} per client (the API key, else the address); retry after {Math.Ceiling(after.TotalSeconds):0} s."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
