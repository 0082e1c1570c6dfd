using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Shadow;

/// <summary>The challenger slot: loaded and refused like the serving model, watched, and empty meaning no challenger.</summary>
public sealed class ChallengerProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_model_placed_in_the_watched_slot_is_loaded_a_new_one_replaces_it_and_removing_the_slot_leaves_no_challenger()
    {
        await using var slot = new ChallengerSlot();
        var (_, challenger, _) = await slot.StartHostAsync(watch: true);
        Assert.Null(challenger.Current);
        Assert.Null(challenger.LastRejection);

        ChallengerSlot.WriteModel(slot.Slot, "challenger-a");
        await Eventually.UntilAsync(() => challenger.Current?.Card.Version == "challenger-a", "challenger-a loaded from the slot", cancellationToken: Ct);

        ChallengerSlot.WriteModel(slot.Slot, "challenger-b", bias: -6);
        await Eventually.UntilAsync(() => challenger.Current?.Card.Version == "challenger-b", "challenger-b replacing challenger-a", cancellationToken: Ct);

        Directory.Delete(slot.Slot, recursive: true);
        await Eventually.UntilAsync(() => challenger.Current is null, "no challenger once the slot is gone", cancellationToken: Ct);

        ChallengerSlot.WriteModel(slot.Slot, "challenger-c");
        await Eventually.UntilAsync(() => challenger.Current?.Card.Version == "challenger-c", "challenger-c in a slot created again", cancellationToken: Ct);
    }

    [Fact]
    public async Task A_refused_candidate_keeps_the_current_challenger_and_says_why_until_the_slot_is_emptied()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.Slot, "challenger-a");
        var (_, challenger, _) = await slot.StartHostAsync(watch: false);
        Assert.Equal("challenger-a", challenger.Current?.Card.Version);

        ChallengerSlot.WriteModel(slot.Slot, "broken", threshold: 1.5);
        var refused = await challenger.ReloadAsync(Ct);

        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Rejected, "challenger-a", "model broken: threshold 1.5 is outside (0, 1)"), refused);
        Assert.Equal("challenger-a", challenger.Current?.Card.Version);
        Assert.Equal(refused.Reason, challenger.LastRejection);

        Assert.Equal("challenger-a", await challenger.WithdrawAsync(Ct));
        Assert.Null(challenger.Current);
        Assert.Null(challenger.LastRejection);
        Assert.False(File.Exists(Path.Combine(slot.Slot, "model.onnx")));
        Assert.Null(await challenger.WithdrawAsync(Ct));
    }

    [Fact]
    public async Task A_batch_holding_the_challenger_keeps_scoring_with_it_after_it_was_removed()
    {
        await using var slot = new ChallengerSlot();
        ChallengerSlot.WriteModel(slot.Slot, "challenger-a");
        var (_, challenger, _) = await slot.StartHostAsync(watch: false);
        Assert.True(challenger.TryAcquire(out var lease));

        await challenger.WithdrawAsync(Ct);
        Assert.False(challenger.TryAcquire(out _));

        using (lease)
        {
            var probability = new float[1];
            lease.Scorer.Score([TestCustomers.Typical()], probability);
            Assert.InRange(probability[0], 0, 1);
        }
    }
}
