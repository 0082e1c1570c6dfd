using Churn.Testing;

namespace Churn.Trainer.Tests;

/// <summary>A challenger trained with <c>--candidates</c>: only the named candidate competes, under the same rules.</summary>
public sealed class TrainerCandidatesTests
{
    [Fact]
    public async Task A_run_with_one_candidate_cross_validates_and_exports_only_that_candidate()
    {
        var card = await TrainedChallenger.CardAsync();
        var serving = await TrainedModel.CardAsync();

        var entry = Assert.Single(card.Leaderboard);
        Assert.Equal((TrainedChallenger.Candidate, true), (entry.Candidate, entry.Selected));
        Assert.StartsWith(TrainedChallenger.Candidate + "-", card.Version);
        Assert.Equal((serving.SelectionRule, serving.ThresholdRule, serving.Calibration!.Rule),
            (card.SelectionRule, card.ThresholdRule, card.Calibration!.Rule));
        Assert.InRange(card.Threshold, 0.01, 0.99);
        Assert.InRange(card.HoldoutMetrics.Auc, 0.9, 1);
    }
}
