using System.ComponentModel;
using Churn.Api.Documentation;
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
                "202 with the event ids (predictions appear under them once scored). Requires the X-Api-Key header.")
            .RequireApiKey()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestExample(ApiExamples.BatchRequest)
            .WithResponseExample(StatusCodes.Status202Accepted, ApiExamples.Published);

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
        CustomerBatchRequest request, [AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        if (!new CustomerBatchValidator(services.Settings.MaxBatchSize).TryValidate(request, out var customers, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var identified = customers
            .Select(c => c.CustomerId.Length > 0 ? c : c with { CustomerId = $"api-{Guid.NewGuid():N}" })
            .ToList();
        var outcome = await services.Ingest.PublishAsync(identified, cancellationToken);
        if (outcome.Failures.Count > 0)
        {
            services.Logger.LogWarning("The transport refused {Count} of {Total} customers: {Failures}",
                outcome.Failures.Count, identified.Count, string.Join("; ", outcome.Failures));
            return TypedResults.Problem(title: "The stream did not accept every customer", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"{outcome.Failures.Count} of {identified.Count} events were not delivered; retry the request.",
                extensions: new Dictionary<string, object?> { ["eventIds"] = outcome.EventIds, ["failures"] = outcome.Failures });
        }
        return TypedResults.Accepted((string?)null, new PublishedCustomers(outcome.EventIds));
    }
}
