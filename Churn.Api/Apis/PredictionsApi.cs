using System.Runtime.CompilerServices;
using Churn.Api.Extensions;

namespace Churn.Api.Apis;

public static class PredictionsApi
{
    public static RouteGroupBuilder MapPredictionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/predictions").WithTags("Predictions");

        api.MapGet("", ListPredictions).WithName("ListPredictions")
            .WithSummary("List stored predictions")
            .WithDescription("Filters by state, risk band, predicted label, minimum probability and scoring time; sorted and paged. " +
                $"pageSize is at most {PredictionQuery.MaxPageSize}; a larger or invalid value is a 400 naming the field.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.PredictionPage);

        api.MapGet("/stream", StreamPredictions).WithName("StreamPredictions")
            .WithSummary("Live stream of new predictions (server-sent events)")
            .WithDescription("text/event-stream: one event of type 'prediction' (JSON data) per prediction stored from now on; " +
                "optionally only one risk band.")
            .Produces<Prediction>(StatusCodes.Status200OK, "text/event-stream");

        api.MapGet("/{eventId}", GetPrediction).WithName("GetPrediction")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One prediction by event id")
            .WithDescription("The prediction stored for the event; 404 when no event with this id was scored.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Prediction);

        return api;
    }

    public static async Task<Results<Ok<PredictionPage>, ValidationProblem>> ListPredictions(
        [AsParameters] PredictionListParameters parameters, [AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        if (!parameters.TryToQuery(out var query, out var errors)) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await services.Store.QueryAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<Prediction>, ProblemHttpResult>> GetPrediction(
        string eventId, [AsParameters] ChurnServices services, CancellationToken cancellationToken) =>
        await services.Store.GetAsync(eventId, cancellationToken) is { } prediction
            ? TypedResults.Ok(prediction)
            : Problems.NotFound("Prediction not found", $"No prediction is stored for event '{eventId}'.");

    public static ServerSentEventsResult<Prediction> StreamPredictions(
        [FromQuery] RiskBand? riskBand, [AsParameters] ChurnServices services, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Filter(services.Feed.SubscribeAsync(cancellationToken), riskBand, cancellationToken), "prediction");

    private static async IAsyncEnumerable<Prediction> Filter(IAsyncEnumerable<Prediction> source, RiskBand? band,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var prediction in source.WithCancellation(cancellationToken))
        {
            if (band is null || prediction.RiskBand == band) yield return prediction;
        }
    }
}
