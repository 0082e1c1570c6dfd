using Churn.Api.Documentation;

namespace Churn.Api.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Models");

        api.MapGet("/model", GetServingModel).WithName("GetServingModel")
            .WithSummary("The serving model's card")
            .WithDescription("Version, algorithm, threshold, candidates' leaderboard, held-out metrics (confusion matrix, ROC), " +
                "training statistics. 503 while no model is loaded.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Card);

        api.MapGet("/models", ListModels).WithName("ListModels")
            .WithSummary("Model versions seen by the pipeline, and which one serves")
            .WithDescription("Every model card registered in the store (newest first) plus the serving one.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Models);

        return app;
    }

    public static Results<Ok<ModelCard>, ProblemHttpResult> GetServingModel([AsParameters] ChurnServices services) =>
        services.Model.Current is { } serving ? TypedResults.Ok(serving.Card) : Problems.NoModel();

    public static async Task<Ok<ModelsResponse>> ListModels([AsParameters] ChurnServices services, CancellationToken cancellationToken)
    {
        var serving = services.Model.Current?.Card;
        var cards = (await services.Store.GetModelsAsync(cancellationToken)).ToList();
        if (serving is not null && cards.All(c => c.Version != serving.Version)) cards.Add(serving);
        var models = cards
            .OrderByDescending(c => c.Created)
            .Select(c => new ModelSummary(c.Version, c.Created, c.Algorithm, c.HoldoutMetrics.Auc, c.HoldoutMetrics.F1,
                c.Threshold, c.Version == serving?.Version))
            .ToList();
        return TypedResults.Ok(new ModelsResponse(serving?.Version, models));
    }
}
