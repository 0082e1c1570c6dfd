using System.ComponentModel;
using Churn.Api.Extensions;

namespace Churn.Api.Apis;

public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/stats").WithTags("Statistics");

        api.MapGet("", GetStats).WithName("GetStats")
            .WithSummary("Totals, rates, distributions, throughput and live accuracy")
            .WithDescription("Predictions stored, predicted churn rate, counts by risk band and by state, a probability histogram, " +
                "throughput per bucket over a window, and accuracy/precision/recall against the actual label where it is known.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Stats);

        return api;
    }

    public static async Task<Results<Ok<PredictionStats>, ValidationProblem>> GetStats(
        [FromQuery, Description("Throughput bucket width in seconds, 1 to 86400 (default 60).")] int? bucketSeconds,
        [FromQuery, Description("Throughput window in minutes, 1 to 10080 (default 60).")] int? windowMinutes,
        [FromQuery, Description("Probability histogram bins, 2 to 100 (default 10).")] int? bins,
        [AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        if (bucketSeconds is < 1 or > 86_400) return Problems.Invalid("bucketSeconds", "Must be between 1 and 86400.");
        if (windowMinutes is < 1 or > 10_080) return Problems.Invalid("windowMinutes", "Must be between 1 and 10080.");
        if (bins is < 2 or > 100) return Problems.Invalid("bins", "Must be between 2 and 100.");
        var bucket = TimeSpan.FromSeconds(bucketSeconds ?? 60);
        var window = TimeSpan.FromMinutes(windowMinutes ?? 60);
        if (window / bucket > 10_000) return Problems.Invalid("bucketSeconds", "The window holds more than 10000 buckets; widen the bucket.");

        var stats = await services.Store.GetStatsAsync(
            new StatsQuery { Bucket = bucket, Window = window, HistogramBins = bins ?? 10 }, cancellationToken);
        return TypedResults.Ok(stats);
    }
}
