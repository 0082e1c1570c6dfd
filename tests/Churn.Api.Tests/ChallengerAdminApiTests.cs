using System.Net;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Challenger;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>
/// The challenger's admin actions end to end, each test on its own Api: promote (the key, the swap, the emptied slot,
/// predictions scored by the promoted model, a refusal keeping the serving model), withdraw and reload, and the 404s
/// without a challenger.
/// </summary>
public sealed class ChallengerAdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promoting_needs_the_key_then_serves_the_challenger_scores_new_events_with_it_and_leaves_no_challenger()
    {
        await using var factory = await StartAsync(new ChallengerApiFactory());
        var challenger = (await TrainedChallenger.CardAsync()).Version;
        var champion = factory.Models.Current!.Card.Version;
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/admin/challenger/promote", null, Ct)).StatusCode);
        Assert.Equal(champion, factory.Models.Current!.Card.Version);

        var promoted = await (await factory.CreateClientWithKey().PostAsync("/api/admin/challenger/promote", null, Ct)).Read<ModelSwapResult>();

        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Swapped, challenger), promoted);
        var client = factory.CreateClient();
        Assert.Equal(challenger, (await (await client.Get("/api/model")).Read<ModelCard>()).Version);
        var none = await (await client.Get("/api/models/challenger")).Problem(HttpStatusCode.NotFound);
        Assert.Equal($"The challenger slot {factory.Slot} holds no model. Put a model.onnx and its model-card.json there " +
            "(e.g. dotnet run --project Churn.Trainer -- --out <that folder> --candidates fast-tree-8-leaves-ff).", none["detail"]!.GetValue<string>());
        Assert.Equal(champion, ModelFiles.ReadCard(Path.Combine(factory.Settings.ModelDirectory, "previous")).Version);
        var published = await (await factory.CreateClientWithKey().PostJson("/api/customers",
            new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical(), customerId: "crm-7")] }))
            .Read<PublishedCustomers>(HttpStatusCode.Accepted);
        var scored = await (await Eventually.OkAsync(client, $"/api/predictions/{published.EventIds[0]}")).Read<Prediction>();
        Assert.Equal(challenger, scored.ModelVersion);
    }

    [Fact]
    public async Task A_promotion_the_validation_refuses_is_a_422_and_the_serving_model_and_the_challenger_stay()
    {
        await using var factory = await StartAsync(new ChallengerApiFactory());
        var champion = factory.Models.Current!.Card.Version;
        var challenger = (await TrainedChallenger.CardAsync()).Version;
        await File.WriteAllBytesAsync(ModelFiles.ModelPath(factory.Slot), [0x08, 0x01], Ct); // damaged after it was loaded

        var refused = await (await factory.CreateClientWithKey().PostAsync("/api/admin/challenger/promote", null, Ct))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Promotion refused", refused["title"]!.GetValue<string>());
        Assert.StartsWith($"model {challenger}: ONNX Runtime cannot load the graph", refused["detail"]!.GetValue<string>());
        Assert.Equal(champion, refused["servingVersion"]!.GetValue<string>());
        var client = factory.CreateClient();
        Assert.Equal(champion, (await (await client.Get("/api/model")).Read<ModelCard>()).Version);
        Assert.Equal(challenger, (await (await client.Get("/api/models/challenger")).Read<ChallengerReport>()).Card.Version);
    }

    [Fact]
    public async Task Withdrawing_stops_the_challenger_and_reloading_the_slot_brings_one_back()
    {
        await using var factory = await StartAsync(new ChallengerApiFactory());
        var admin = factory.CreateClientWithKey();
        var client = factory.CreateClient();
        var challenger = (await TrainedChallenger.CardAsync()).Version;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/challenger", Ct)).StatusCode);
        await (await client.Get("/api/models/challenger")).Problem(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/admin/challenger", Ct)).Problem(HttpStatusCode.NotFound);
        await (await admin.PostAsync("/api/admin/challenger/promote", null, Ct)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Unchanged, null),
            await (await admin.PostAsync("/api/admin/challenger/reload", null, Ct)).Read<ModelSwapResult>());

        await TrainedChallenger.CopyToAsync(factory.Slot);
        var reloaded = await (await admin.PostAsync("/api/admin/challenger/reload", null, Ct)).Read<ModelSwapResult>();

        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Swapped, challenger), reloaded);
        Assert.Equal(challenger, (await (await client.Get("/api/models/challenger")).Read<ChallengerReport>()).Card.Version);
    }

    [Fact]
    public async Task A_refused_challenger_is_a_404_that_says_why()
    {
        await using var factory = await StartAsync(new ChallengerApiFactory());
        var card = ModelFiles.CardPath(factory.Slot);
        var admin = factory.CreateClientWithKey();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/challenger", Ct)).StatusCode);
        await TrainedChallenger.CopyToAsync(factory.Slot);
        await File.WriteAllTextAsync(card, "{ not json", Ct);

        var refused = await (await admin.PostAsync("/api/admin/challenger/reload", null, Ct)).Problem(HttpStatusCode.UnprocessableEntity);
        var none = await (await factory.CreateClient().Get("/api/models/challenger")).Problem(HttpStatusCode.NotFound);

        Assert.Null(refused["challengerVersion"]?.GetValue<string>());
        Assert.StartsWith($"{card} cannot be read: ", refused["detail"]!.GetValue<string>());
        Assert.Equal($"The model in the challenger slot {factory.Slot} was refused: {refused["detail"]!.GetValue<string>()}",
            none["detail"]!.GetValue<string>());
    }

    private static async Task<ChallengerApiFactory> StartAsync(ChallengerApiFactory factory)
    {
        await ((IAsyncLifetime)factory).InitializeAsync();
        _ = factory.Server; // starts the host: the model and the challenger load at start
        return factory;
    }
}
