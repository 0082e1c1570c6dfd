using System.Runtime.CompilerServices;
using Churn.Api.Extensions;
using Churn.Api.Live;

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

    public static Results<ServerSentEventsResult<Prediction>, ValidationProblem> StreamPredictions(
        [FromQuery] RiskBand? riskBand, [AsParameters] ChurnServices services, IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (riskBand is { } band && !Enum.IsDefined(band))
        {
            return Problems.Invalid("riskBand", "Must be Low, Medium or High.");
        }
        return TypedResults.ServerSentEvents(Stream(services.Feed, riskBand, cancellationToken, lifetime.ApplicationStopping), "prediction");
    }

    /// <summary>New predictions until the client leaves or the Api stops (so an open dashboard never delays shutdown).</summary>
    private static async IAsyncEnumerable<Prediction> Stream(IPredictionFeed feed, RiskBand? band,
        [EnumeratorCancellation] CancellationToken requestAborted, CancellationToken stopping)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        await foreach (var prediction in feed.SubscribeAsync(until.Token).WithCancellation(until.Token))
        {
            if (band is null || prediction.RiskBand == band) yield return prediction;
        }
    }
}
