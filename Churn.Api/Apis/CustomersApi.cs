using System.ComponentModel;
using System.Globalization;
using Churn.Api.Documentation;
using Churn.Api.Idempotency;
using Churn.Api.Ingest;
using Churn.Api.Security;

namespace Churn.Api.Apis;

public static class CustomersApi
{
    public const int MaxHistory = 200;
    public const int DefaultHistory = 50;

    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/customers").WithTags("Customers");

        api.MapGet("/{customerId}/predictions", GetCustomerHistory).WithName("GetCustomerPredictions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A customer's prediction history, newest first")
            .WithDescription($"Up to 'limit' predictions (1 to {MaxHistory}, default 50); 404 when the customer has none.")
            .WithResponseExample(StatusCodes.Status200OK, new[] { ApiExamples.Prediction });

        api.MapPost("", PublishCustomers).WithName("PublishCustomers")
            .WithSummary("Publish customer records into the stream")
            .WithDescription("Validates every customer with the same rules as Ingest, then publishes each as an event; " +
                "202 with the event ids once the stream confirmed every one (predictions appear under them once scored). " +
                "Retries are safe with an Idempotency-Key (event ids derive from the key and each customer's position; a " +
                "repeat of a completed request answers the same 202 with Idempotent-Replayed: true and publishes nothing; " +
                "the same key with another body is a 422, and while the first is still running a 409) or with client event " +
                "ids (eventId). Publishing is bounded by Churn:PublishTimeout (5 s): a stream that cannot take every customer " +
                "in time is a 503 whose 'accepted' and 'notAccepted' lists name each customer (index, customerId, eventId, " +
                "reason); resend the request with the same key (or those customers with their eventId) and nothing is " +
                "duplicated. Requires the X-Api-Key header.")
            .RequireApiKey()
            .WithIdempotencyKeyHeader()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestExample(ApiExamples.BatchRequest)
            .WithResponseExample(StatusCodes.Status202Accepted, ApiExamples.Published)
            .WithResponseExample(StatusCodes.Status503ServiceUnavailable, ApiExamples.PartiallyPublished);

        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<Prediction>>, ProblemHttpResult>> GetCustomerHistory(string customerId,
        [FromQuery, IntegerValue(1, MaxHistory), Description("How many predictions, 1 to 200 (default 50).")] string? limit,
        [AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        var history = await services.Store.GetCustomerHistoryAsync(customerId, QueryValue.Integer(limit) ?? DefaultHistory, cancellationToken);
        return history.Count > 0
            ? TypedResults.Ok(history)
            : Problems.NotFound("Customer not found", $"No prediction is stored for customer '{customerId}'.");
    }

    public static async Task<Results<Accepted<PublishedCustomers>, ValidationProblem, ProblemHttpResult>> PublishCustomers(
        CustomerBatchRequest request, [AsParameters] ChurnServices services, HttpContext context, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryRead(context.Request.Headers[IdempotencyKey.HeaderName], out var key, out var keyError))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [keyError] });
        }
        if (!new CustomerBatchValidator(services.Settings.MaxBatchSize).TryValidate(request, out var customers, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var events = services.Ingest.EventsFor(customers, key);
        if (key is null) return Answer(await services.Ingest.PublishAsync(events, cancellationToken), key, services, context);

        switch (services.Idempotency.Claim(key, RequestFingerprint.Of(request)))
        {
            case IdempotencyClaim.Replay:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Accepted((string?)null, new PublishedCustomers([.. events.Select(e => e.EventId)]));
            case IdempotencyClaim.InProgress:
                context.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(title: "A request with this Idempotency-Key is still being processed",
                    detail: $"Key '{key.Value}': wait for that request's answer, or send this one again when it has finished.",
                    statusCode: StatusCodes.Status409Conflict);
            case IdempotencyClaim.Mismatch:
                return TypedResults.Problem(title: "Idempotency-Key reused with a different body",
                    detail: $"Key '{key.Value}' was first used with another body; a key stands for one request. Use a new key for new customers.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var completed = false;
        try
        {
            var outcome = await services.Ingest.PublishAsync(events, cancellationToken);
            completed = outcome.NotAccepted.Count == 0;
            return Answer(outcome, key, services, context);
        }
        finally
        {
            services.Idempotency.Release(key, completed);
        }
    }

    /// <summary>202 when the stream took every customer; otherwise 503 naming who was and who was not accepted.</summary>
    private static Results<Accepted<PublishedCustomers>, ValidationProblem, ProblemHttpResult> Answer(PublishOutcome outcome,
        IdempotencyKey? key, ChurnServices services, HttpContext context)
    {
        if (outcome.NotAccepted.Count == 0) return TypedResults.Accepted((string?)null, new PublishedCustomers(outcome.EventIds));
        var total = outcome.Accepted.Count + outcome.NotAccepted.Count;
        services.Logger.LogWarning("The transport did not accept {Count} of {Total} customers: {Failures}", outcome.NotAccepted.Count,
            total, string.Join("; ", outcome.NotAccepted.Select(n => $"{n.EventId}: {n.Reason}")));
        context.Response.Headers.RetryAfter = Math.Ceiling(services.Settings.PublishTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var retry = key is null
            ? "resend those customers with the eventId given for each (or the whole request with an Idempotency-Key): an event sent again is replaced, never duplicated."
            : "send the same request again with the same Idempotency-Key: every customer keeps its event id, so the accepted ones are written again, never duplicated.";
        return TypedResults.Problem(title: "The stream did not accept every customer", statusCode: StatusCodes.Status503ServiceUnavailable,
            detail: $"{outcome.NotAccepted.Count} of {total} customers were not accepted; {retry}",
            extensions: new Dictionary<string, object?> { ["accepted"] = outcome.Accepted, ["notAccepted"] = outcome.NotAccepted });
    }
}
