using Churn.Api.Documentation;
using Churn.Api.Security;
using Churn.Core.Challenger;
using Churn.Domain.Challenger;

namespace Churn.Api.Apis;

/// <summary>
/// The shadow challenger: its card and its live comparison with the serving model (open, like the other reads), and
/// the operator actions on it — promote, reload, withdraw — which require the API key like the other admin actions.
/// </summary>
public static class ChallengerApi
{
    public static IEndpointRouteBuilder MapChallengerApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api").WithTags("Models").MapGet("/models/challenger", GetChallenger).WithName("GetChallenger")
            .WithSummary("The challenger scored in shadow, and how it compares with the serving model on the same live events")
            .WithDescription("The challenger's model card and the comparison over its most recent shadow predictions " +
                "(Churn:Challenger:ComparisonWindow), each joined with the stored prediction of the same event: agreement of " +
                "the decisions (each at its own card's threshold), mean |Δp|, and per side the churn rate and, where the outcome " +
                "is known, AUC, precision, recall and Brier score. Shadow predictions are never served as decisions. 404 when " +
                "there is no challenger (the detail says whether the slot is empty or its model was refused).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Challenger);

        var admin = app.MapGroup("api/admin/challenger").WithTags("Admin").RequireApiKey();

        admin.MapPost("/promote", Promote).WithName("PromoteChallenger")
            .WithSummary("Make the challenger the serving model")
            .WithDescription("Moves the challenger slot's files into the model directory (the replaced model's files are kept in " +
                "its 'previous' folder) and swaps them in through the serving model's hot swap, which validates them first. " +
                "Swapped: the challenger serves and the slot is empty. Refused: a 422 with the reason, the serving model and its " +
                "files stay, and so does the challenger. Every process watching the model directory picks the change up. " +
                "404 when there is no challenger.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Promoted);

        admin.MapPost("/reload", Reload).WithName("ReloadChallenger")
            .WithSummary("Load the challenger from its slot now")
            .WithDescription("Reads the challenger slot as its watcher does: a valid model becomes the challenger (validated like " +
                "the serving model; servingVersion is then the challenger's), an empty slot means no challenger (servingVersion " +
                "null), a refused one is a 422 with the reason and the challenger that stays (challengerVersion).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.ChallengerLoaded);

        admin.MapDelete("", Withdraw).WithName("WithdrawChallenger")
            .WithSummary("Withdraw the challenger")
            .WithDescription("Deletes the model files in the challenger slot; shadow scoring stops. The shadow predictions stored " +
                "so far stay. 404 when there is no challenger.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<ChallengerReport>, ProblemHttpResult>> GetChallenger(
        [AsParameters] ChallengerServices services, CancellationToken cancellationToken)
    {
        if (services.Challenger.Current is not { } challenger)
        {
            return NoChallenger(services);
        }
        var card = challenger.Card;
        var window = services.Options.Value.ComparisonWindow;
        var stored = services.Shadow.CountShadowAsync(card.Version, cancellationToken);
        var pairs = services.Shadow.GetShadowPairsAsync(card.Version, window, cancellationToken);
        var comparison = ShadowComparer.Compare(card.Version, await stored, window, await pairs,
            services.Retention.Value.Economics);
        return TypedResults.Ok(new ChallengerReport(card, services.Champion.Current?.Card.Version, comparison));
    }

    public static async Task<Results<Ok<ModelSwapResult>, ProblemHttpResult>> Promote([AsParameters] ChallengerServices services,
        CancellationToken cancellationToken)
    {
        var result = await services.Promotion.PromoteAsync(cancellationToken);
        if (result is null)
        {
            return NoChallenger(services);
        }
        services.Logger.LogInformation("Challenger promotion requested through the Api: {Outcome}, serving {Version}, {Reason}",
            result.Outcome, result.ServingVersion, result.Reason);
        return result.Outcome == ModelSwapOutcome.Rejected ? Refused("Promotion refused", result, "servingVersion") : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ModelSwapResult>, ProblemHttpResult>> Reload([AsParameters] ChallengerServices services,
        CancellationToken cancellationToken)
    {
        var result = await services.Challenger.ReloadAsync(cancellationToken);
        services.Logger.LogInformation("Challenger reload requested through the Api: {Outcome}, challenger {Version}, {Reason}",
            result.Outcome, result.ServingVersion, result.Reason);
        return result.Outcome == ModelSwapOutcome.Rejected ? Refused("Challenger refused", result, "challengerVersion") : TypedResults.Ok(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Withdraw([AsParameters] ChallengerServices services,
        CancellationToken cancellationToken)
    {
        if (await services.Challenger.WithdrawAsync(cancellationToken) is not { } withdrawn)
        {
            return NoChallenger(services);
        }
        services.Logger.LogInformation("Challenger {Version} withdrawn through the Api", withdrawn);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoChallenger(ChallengerServices services) => Problems.NotFound("No challenger",
        !services.Challenger.Enabled
            ? $"The challenger is off ({ChallengerOptions.SectionName}:{nameof(ChallengerOptions.Enabled)} is false)."
            : services.Challenger.LastRejection is { } reason
                ? $"The model in the challenger slot {services.Challenger.Directory} was refused: {reason}"
                : $"The challenger slot {services.Challenger.Directory} holds no model. Put a model.onnx and its model-card.json " +
                  "there (e.g. dotnet run --project Churn.Trainer -- --out <that folder> --candidates fast-tree-8-leaves-ff).");

    /// <summary>A 422 with the reason and the version that stays (<paramref name="versionKey"/>: the serving model, or the challenger).</summary>
    private static ProblemHttpResult Refused(string title, ModelSwapResult result, string versionKey) => TypedResults.Problem(title: title,
        detail: result.Reason, statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { [versionKey] = result.ServingVersion });
}
