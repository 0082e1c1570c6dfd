using Microsoft.Extensions.DependencyInjection;

namespace Churn.AppHost.Services;

/// <summary>Dashboard buttons for operators. The Api's admin endpoints require the X-Api-Key header.</summary>
public static class OperatorCommands
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyVariable = "Churn__ApiKey";
    public const string ReplayPath = "/api/admin/replay";
    public const string ReloadModelPath = "/api/admin/model/reload";
    public const string PromoteChallengerPath = "/api/admin/challenger/promote";
    public const string ReplayCommand = "replay-test-file";
    public const string ReloadModelCommand = "reload-model";
    public const string PromoteChallengerCommand = "promote-challenger";
    public const string RetrainCommand = "retrain-model";

    public static IResourceBuilder<ProjectResource> WithApiKey(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> apiKey) =>
        api.WithEnvironment(ApiKeyVariable, apiKey);

    public static IResourceBuilder<ProjectResource> WithAdminCommands(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> apiKey) =>
        api
            .WithHttpCommand(ReplayPath, "Replay test file", commandName: ReplayCommand, commandOptions: AdminRequest(apiKey,
                "Publishes every row of the test file (data/churn-bigml-20.csv) again; replays are idempotent.", "ArrowRepeatAll"))
            .WithHttpCommand(ReloadModelPath, "Reload model", commandName: ReloadModelCommand, commandOptions: AdminRequest(apiKey,
                "Loads the model in the model directory, validates it and swaps it in if it passes.", "ArrowSync"))
            .WithHttpCommand(PromoteChallengerPath, "Promote challenger", commandName: PromoteChallengerCommand, commandOptions: AdminRequest(apiKey,
                "Makes the challenger scored in shadow (the model directory's 'challenger' folder) the serving model through the " +
                "hot swap; a refused one keeps the current model. Compare them first on the Web's model page.", "Trophy"));

    /// <summary>
    /// A "Retrain model" button on the one-shot trainer: it starts the explicit-start <paramref name="retrain"/>
    /// resource, which runs the Trainer without --if-missing. Scoring and the Api pick the new model up by hot swap
    /// (or the "Reload model" button).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRetrainCommand(
        this IResourceBuilder<ProjectResource> trainer, IResourceBuilder<ProjectResource> retrain) =>
        trainer.WithCommand(RetrainCommand, "Retrain model", context =>
            context.Services.GetRequiredService<ResourceCommandService>()
                .ExecuteCommandAsync(retrain.Resource, KnownResourceCommands.StartCommand, context.CancellationToken),
            new CommandOptions
            {
                Description = $"Trains a new model from the data directory (starts '{retrain.Resource.Name}').",
                IconName = "BrainCircuit",
            });

    private static HttpCommandOptions AdminRequest(IResourceBuilder<ParameterResource> apiKey, string description, string icon) => new()
    {
        Method = HttpMethod.Post,
        Description = description,
        IconName = icon,
        PrepareRequest = async request =>
            request.Request.Headers.Add(ApiKeyHeader, await apiKey.Resource.GetValueAsync(request.CancellationToken)),
    };
}
