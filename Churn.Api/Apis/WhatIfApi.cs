using Churn.Api.Documentation;
using Churn.Api.Explanations;

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
                "Nothing is stored. " + ExplainedScoring.Method)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestExample(ApiExamples.BatchRequest)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Score);

        return api;
    }

    public static Results<Ok<ScoreResponse>, ValidationProblem, ProblemHttpResult> Score(
        CustomerBatchRequest request, [AsParameters] ChurnServices services)
    {
        if (!new CustomerBatchValidator(services.Settings.MaxBatchSize).TryValidate(request, out var customers, out var errors))
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
