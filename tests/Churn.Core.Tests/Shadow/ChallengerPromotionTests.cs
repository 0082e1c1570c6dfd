using Churn.Core.Challenger;
using Churn.Core.Serving;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Shadow;

/// <summary>
/// Promotion goes through the serving model's hot swap: it swaps the serving model and empties the slot, a refused one
/// keeps the serving model and its files, and every provider watching the directories follows the move.
/// </summary>
public sealed class ChallengerPromotionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promoting_serves_the_challenger_empties_the_slot_and_keeps_the_replaced_model_in_previous()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.ModelDirectory, "champion-a");
        ChallengerSlot.WriteModel(slot.Slot, "challenger-b", bias: -6);
        var challengerGraph = await File.ReadAllBytesAsync(ModelFiles.ModelPath(slot.Slot), Ct);
        var (champion, challenger, promotion) = await slot.StartHostAsync(watch: false);

        var result = await promotion.PromoteAsync(Ct);

        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Swapped, "challenger-b"), result);
        Assert.Equal("challenger-b", champion.Current!.Card.Version);
        Assert.Equal(challengerGraph, await File.ReadAllBytesAsync(ModelFiles.ModelPath(slot.ModelDirectory), Ct));
        Assert.Null(challenger.Current);
        Assert.True(ChallengerProvider.IsEmpty(slot.Slot));
        Assert.Equal("champion-a", ModelFiles.ReadCard(promotion.PreviousDirectory).Version);
        Assert.Null(await promotion.PromoteAsync(Ct)); // nothing left to promote
    }

    [Fact]
    public async Task A_promotion_the_serving_models_validation_refuses_keeps_the_serving_model_its_files_and_the_challenger()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.ModelDirectory, "champion-a");
        ChallengerSlot.WriteModel(slot.Slot, "challenger-b", bias: -6);
        var (champion, challenger, promotion) = await slot.StartHostAsync(watch: false);
        var before = Snapshot(slot.ModelDirectory);
        // The challenger's graph is damaged on disk after it was loaded (and compared): what would be promoted cannot load.
        await File.WriteAllBytesAsync(ModelFiles.ModelPath(slot.Slot), [1, 2, 3, 4], Ct);

        var result = await promotion.PromoteAsync(Ct);

        Assert.Equal(ModelSwapOutcome.Rejected, result!.Outcome);
        Assert.Equal("champion-a", result.ServingVersion);
        Assert.StartsWith("model challenger-b: ONNX Runtime cannot load the graph", result.Reason);
        Assert.Equal("champion-a", champion.Current!.Card.Version);
        Assert.Equal(before, Snapshot(slot.ModelDirectory));
        Assert.Equal("challenger-b", challenger.Current?.Card.Version);
        Assert.False(ChallengerProvider.IsEmpty(slot.Slot));
    }

    [Fact]
    public async Task A_slot_holding_another_version_than_the_one_compared_is_not_promoted()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.ModelDirectory, "champion-a");
        ChallengerSlot.WriteModel(slot.Slot, "challenger-b", bias: -6);
        var (champion, _, promotion) = await slot.StartHostAsync(watch: false);
        ChallengerSlot.WriteModel(slot.Slot, "challenger-c", bias: -5); // not loaded yet: never compared

        var result = await promotion.PromoteAsync(Ct);

        Assert.Equal(ModelSwapOutcome.Rejected, result!.Outcome);
        Assert.Contains("now holds challenger-c, not challenger-b", result.Reason);
        Assert.Equal("champion-a", champion.Current!.Card.Version);
    }

    [Fact]
    public async Task Every_process_watching_the_model_directory_follows_a_promotion_by_its_own_hot_swap()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.ModelDirectory, "champion-a");
        ChallengerSlot.WriteModel(slot.Slot, "challenger-b", bias: -6);
        var (_, _, api) = await slot.StartHostAsync(watch: true);
        // A Scoring replica of the Kafka mode: its own providers over the same (shared) directories.
        var (replicaChampion, replicaChallenger, _) = await slot.StartHostAsync(watch: true);
        Assert.Equal(("champion-a", "challenger-b"), (replicaChampion.Current!.Card.Version, replicaChallenger.Current!.Card.Version));

        Assert.Equal(ModelSwapOutcome.Swapped, (await api.PromoteAsync(Ct))!.Outcome);

        await Eventually.UntilAsync(() => replicaChampion.Current!.Card.Version == "challenger-b" && replicaChallenger.Current is null,
            "the replica serving challenger-b with no challenger", cancellationToken: Ct);
    }

    private static Dictionary<string, string> Snapshot(string directory) => Directory.EnumerateFiles(directory)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
