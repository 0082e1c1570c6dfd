using Churn.Api.Documentation;
using Churn.Api.Security;

namespace Churn.Api.Apis;

/// <summary>Operator actions (the AppHost dashboard's commands call these). All require the API key.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin").WithTags("Admin").RequireApiKey();

        api.MapPost("/replay", Replay).WithName("ReplayTestFile")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Replay the test file through ingest")
            .WithDescription("Publishes every row of the configured test file as an event (stable ids: replaying again updates " +
                "the same predictions). Invalid rows are dead-lettered and counted.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Replay);

        api.MapPost("/model/reload", ReloadModel).WithName("ReloadModel")
            .WithSummary("Load a new model from the model location")
            .WithDescription("Validates the candidate (loads, input schema matches, scores a probe) and swaps it in atomically; " +
                "a refused candidate is a 422 with the reason, and the current model keeps serving.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Swapped);

        return api;
    }

    public static async Task<Results<Ok<ReplayReport>, ProblemHttpResult>> Replay([AsParameters] ChurnServices services,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(services.Ingest.ReplayFile))
        {
            return TypedResults.Problem(title: "Test file not found", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"{services.Ingest.ReplayFile} does not exist; put the BigML test file there or set Churn:DataDirectory / Churn:Ingest:File.");
        }
        var report = await services.Ingest.ReplayAsync(cancellationToken);
        services.Logger.LogInformation("Replay of {Source} requested through the Api: {Published} published, {Rejected} rejected",
            report.Source, report.Published, report.Rejected);
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ModelSwapResult>, ProblemHttpResult>> ReloadModel(
        [AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        var result = await services.Model.ReloadAsync(cancellationToken);
        services.Logger.LogInformation("Model reload requested through the Api: {Outcome}, serving {Version}, {Reason}",
            result.Outcome, result.ServingVersion, result.Reason);
        return result.Outcome == ModelSwapOutcome.Rejected
            ? TypedResults.Problem(title: "Model refused", detail: result.Reason, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["servingVersion"] = result.ServingVersion })
            : TypedResults.Ok(result);
    }
}
