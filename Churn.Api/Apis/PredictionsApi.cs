using System.ComponentModel;
using System.Runtime.CompilerServices;
using Churn.Api.Documentation;
using Churn.Api.Limits;
using Churn.Api.Live;

namespace Churn.Api.Apis;

public static class PredictionsApi
{
    public static RouteGroupBuilder MapPredictionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/predictions").WithTags("Predictions");

        api.MapGet("", ListPredictions).WithName("ListPredictions")
            .ProducesValidationProblem()
            .WithSummary("List stored predictions")
            .WithDescription("Filters by state, risk band, predicted label, minimum probability and scoring time; sorted and paged. " +
                $"pageSize is at most {PredictionQuery.MaxPageSize}; a larger or invalid value is a 400 naming the field.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.PredictionPage);

        api.MapGet("/stream", StreamPredictions).WithName("StreamPredictions")
            .ProducesValidationProblem()
            .WithSummary("Live stream of new predictions (server-sent events)")
            .WithDescription("text/event-stream: one event of type 'prediction' (JSON data) per prediction stored from now on; " +
                "optionally only one risk band. At most Churn:RateLimits:StreamsPerClient (4) streams per client and " +
                "Churn:RateLimits:StreamsTotal (200) in all are open at once; beyond, a 429 with Retry-After.")
            .RequireRateLimiting(RateLimitExtensions.LiveStreamPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<Prediction>(StatusCodes.Status200OK, "text/event-stream");

        api.MapGet("/{eventId}", GetPrediction).WithName("GetPrediction")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One prediction by event id")
            .WithDescription("The prediction stored for the event; 404 when no event with this id was scored.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Prediction);

        return api;
    }

    public static async Task<Ok<PredictionPage>> ListPredictions(
        [AsParameters] PredictionListParameters parameters, [AsParameters] ChurnServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Store.QueryAsync(parameters.ToQuery(), cancellationToken));

    public static async Task<Results<Ok<Prediction>, ProblemHttpResult>> GetPrediction(
        string eventId, [AsParameters] ChurnServices services, CancellationToken cancellationToken) =>
        await services.Store.GetAsync(eventId, cancellationToken) is { } prediction
            ? TypedResults.Ok(prediction)
            : Problems.NotFound("Prediction not found", $"No prediction is stored for event '{eventId}'.");

    public static ServerSentEventsResult<Prediction> StreamPredictions(
        [FromQuery, EnumValue<RiskBand>, Description("Only this risk band: Low, Medium or High (any case).")] string? riskBand,
        [AsParameters] ChurnServices services, HttpResponse response, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(
            Stream(services.Feed, QueryValue.Enum<RiskBand>(riskBand), response, cancellationToken, lifetime.ApplicationStopping), "prediction");

    /// <summary>
    /// New predictions until the client leaves or the Api stops (so an open dashboard never delays shutdown). The
    /// response's headers go out as soon as the subscription exists, so a client knows its stream is open (and every
    /// prediction stored from then on will come) before the first one arrives.
    /// </summary>
    private static async IAsyncEnumerable<Prediction> Stream(IPredictionFeed feed, RiskBand? band, HttpResponse response,
        [EnumeratorCancellation] CancellationToken requestAborted, CancellationToken stopping)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        await using var predictions = feed.SubscribeAsync(until.Token).GetAsyncEnumerator(until.Token);
        var next = predictions.MoveNextAsync(); // runs up to its first wait: the subscription is registered by then
        await response.Body.FlushAsync(until.Token);
        while (await next)
        {
            if (band is null || predictions.Current.RiskBand == band) yield return predictions.Current;
            next = predictions.MoveNextAsync();
        }
    }
}
