using Churn.Api.Documentation;
using Churn.Api.Explanations;
using Churn.Api.Limits;

namespace Churn.Api.Apis;

/// <summary>What-if scoring: customers scored now by the serving model, with an explanation; nothing is stored.</summary>
public static class WhatIfApi
{
    public static RouteGroupBuilder MapWhatIfApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/score").WithTags("What-if");

        api.MapPost("", Score).WithName("ScoreCustomers")
            .WithSummary("Score customers now, with an explanation")
            .WithDescription("Scores one or many customers with the serving ONNX model (all rows in one model call) and returns " +
                "each probability, predicted label, risk band and the features that raise or lower the risk most. " +
                "Nothing is stored. " + ExplainedScoring.Method + " Limits per client (the API key, else the address): a token " +
                "bucket of requests (Churn:RateLimits:Score, 10 at once and 10 per second without a key; 429 with Retry-After " +
                "beyond) and at most Churn:RateLimits:AnonymousMaxBatchSize customers (100) per request without the " +
                "X-Api-Key header, Churn:MaxBatchSize (1,000) with it.")
            .RequireRateLimiting(RateLimitExtensions.ScorePolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestExample(ApiExamples.BatchRequest)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Score);

        return api;
    }

    public static Results<Ok<ScoreResponse>, ValidationProblem, ProblemHttpResult> Score(
        CustomerBatchRequest request, [AsParameters] ChurnServices services, HttpContext context)
    {
        var (max, source) = RateLimitExtensions.WhatIfBatchLimit(context, services.Settings, services.Limits);
        if (!new CustomerBatchValidator(max, source).TryValidate(request, out var customers, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!services.Model.TryAcquire(out var lease)) return Problems.NoModel();
        using (lease) // one model snapshot for the whole request; a hot swap meanwhile waits for it to be released
        {
            return TypedResults.Ok(ExplainedScoring.Score(lease.Scorer, [.. customers.Select(c => c.Customer)]));
        }
    }
}
