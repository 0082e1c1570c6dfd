using Churn.Api.Documentation;
using Churn.Api.Retention;
using Churn.Domain.Retention;

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
                "throughput per bucket over a window, accuracy/precision/recall against the actual label where it is known, and " +
                "each customer's latest prediction: customers, expected churners, value at risk (Σ probability × customer value) " +
                "and the best campaign (every customer with a positive expected gain, Churn:Retention). " +
                "Each query is answered from its last computation for a few seconds (Churn:StatsCacheDuration, 5 s by default).")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Stats);

        return api;
    }

    /// <summary>The stores count contactable customers above the break-even; the retention summary turns the counts into money.</summary>
    public static async Task<Ok<PredictionStats>> GetStats([AsParameters] StatsParameters parameters,
        [AsParameters] ChurnServices services, [AsParameters] RetentionServices retention, CancellationToken cancellationToken)
    {
        var economics = retention.Economics;
        var stats = await services.Stats.GetAsync(parameters.ToQuery() with { ContactAbove = economics.BreakEvenProbability }, cancellationToken);
        return TypedResults.Ok(stats with { Retention = stats.Current is { } current ? RetentionSummary.Of(economics, current) : null });
    }
}
