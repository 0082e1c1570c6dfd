using Churn.Api.Documentation;

namespace Churn.Api.Apis;

public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/stats").WithTags("Statistics");

        api.MapGet("", GetStats).WithName("GetStats")
            .ProducesValidationProblem()
            .WithSummary("Totals, rates, distributions, throughput and live accuracy")
            .WithDescription("Predictions stored, predicted churn rate, counts by risk band and by state, a probability histogram, " +
                "throughput per bucket over a window, and accuracy/precision/recall against the actual label where it is known. " +
                "Each query is answered from its last computation for a few seconds (Churn:StatsCacheDuration, 5 s by default).")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Stats);

        return api;
    }

    public static async Task<Ok<PredictionStats>> GetStats([AsParameters] StatsParameters parameters,
        [AsParameters] ChurnServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Stats.GetAsync(parameters.ToQuery(), cancellationToken));
}
