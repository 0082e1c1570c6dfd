using Churn.Core.Challenger;
using Churn.Domain.Challenger;
using Churn.Domain.Models;
using Churn.Domain.Retention;

namespace Churn.Core.Tests.Shadow;

/// <summary>The comparison's numbers on hand-made events, each checked against its definition.</summary>
public sealed class ShadowComparerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ShadowPair Pair(string id, double champion, double challenger, bool? actual, string version = "champion-v1",
        int second = 0) => new(id, version, champion, champion >= 0.5, challenger, challenger >= 0.4, actual, At.AddSeconds(second));

    [Fact]
    public void Agreement_distance_and_each_sides_quality_follow_their_definitions()
    {
        ShadowPair[] pairs =
        [
            Pair("a", 0.90, 0.80, true, second: 1),
            Pair("b", 0.60, 0.30, false, second: 2),   // the champion says churn, the challenger stay
            Pair("c", 0.20, 0.45, true, second: 3),    // the challenger says churn, the champion stay
            Pair("d", 0.10, 0.10, false, second: 4),
            Pair("e", 0.10, 0.20, false, "champion-v0", second: 5),  // a tie with d on the champion's side
            Pair("f", 0.70, 0.90, null, second: 6),    // unlabelled: in the rates, not in the quality
        ];

        var c = ShadowComparer.Compare("challenger-v1", 9, 10, pairs);

        Assert.Equal((6, 5, 9L, 10), (c.Events, c.Labelled, c.ShadowPredictions, c.Window));
        Assert.Equal((At.AddSeconds(1), At.AddSeconds(6)), (c.From!.Value, c.To!.Value));
        Assert.Equal([new VersionCount("champion-v1", 5), new VersionCount("champion-v0", 1)], c.ChampionVersions);
        Assert.Equal(new DecisionTable(BothChurn: 2, ChampionOnly: 1, ChallengerOnly: 1, NeitherChurn: 2), c.Decisions);
        Assert.Equal(4 / 6.0, c.Agreement!.Value, 12);
        Assert.Equal((0.10 + 0.30 + 0.25 + 0 + 0.10 + 0.20) / 6, c.MeanAbsoluteDifference!.Value, 12);

        var champion = c.Champion!;
        Assert.Equal(new ConfusionMatrix(TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, TrueNegatives: 2), champion.ConfusionMatrix);
        Assert.Equal((0.5, 0.5), (champion.Precision!.Value, champion.Recall!.Value));
        Assert.Equal((0.01 + 0.36 + 0.64 + 0.01 + 0.01) / 5, champion.Brier!.Value, 12);
        Assert.Equal(AucByPairs(pairs, p => p.ChampionProbability), champion.Auc!.Value, 12);
        Assert.Equal((0.9 + 0.6 + 0.2 + 0.1 + 0.1 + 0.7) / 6, champion.MeanProbability, 12);
        Assert.Equal(3 / 6.0, champion.PredictedChurnRate, 12);

        var challenger = c.Challenger!;
        Assert.Equal(new ConfusionMatrix(2, 0, 0, 3), challenger.ConfusionMatrix);
        Assert.Equal((1.0, 1.0), (challenger.Precision!.Value, challenger.Recall!.Value));
        Assert.Equal(1.0, challenger.Auc!.Value, 12);
        Assert.Equal(AucByPairs(pairs, p => p.ChallengerProbability), challenger.Auc.Value, 12);
        Assert.Equal(3 / 6.0, challenger.PredictedChurnRate, 12);
        Assert.Null(champion.ExpectedProfit);
        Assert.Null(champion.RealisedProfit);
    }

    [Fact]
    public void With_economics_each_side_has_the_profit_of_contacting_whom_it_calls_churn()
    {
        ShadowPair[] pairs =
        [
            Pair("a", 0.90, 0.80, true, second: 1),
            Pair("b", 0.60, 0.30, false, second: 2),
            Pair("c", 0.20, 0.45, true, second: 3),
            Pair("d", 0.10, 0.10, false, second: 4),
            Pair("f", 0.70, 0.90, null, second: 6),
        ];
        var economics = new RetentionEconomics(CustomerValue: 100, OfferCost: 5, AcceptanceRate: 0.5);

        var c = ShadowComparer.Compare("challenger-v1", 5, 10, pairs, economics);

        // Champion contacts a, b, f (its decisions): expected (0.9 + 0.6 + 0.7) × 0.5 × 100 − 3 × 5; realised on the
        // labelled a (churner) and b (stayer): 1 × 50 − 2 × 5.
        Assert.Equal(2.2 * 50 - 15, c.Champion!.ExpectedProfit!.Value, 9);
        Assert.Equal(40, c.Champion.RealisedProfit);
        // Challenger contacts a, c, f: expected (0.8 + 0.45 + 0.9) × 50 − 15; realised on a and c, both churners: 2 × 50 − 2 × 5.
        Assert.Equal(2.15 * 50 - 15, c.Challenger!.ExpectedProfit!.Value, 9);
        Assert.Equal(90, c.Challenger.RealisedProfit);
    }

    [Fact]
    public void Without_events_there_is_nothing_to_compare_and_without_both_outcomes_no_auc()
    {
        var none = ShadowComparer.Compare("challenger-v1", 0, 10, []);
        Assert.Equal((0, 0), (none.Events, none.Labelled));
        Assert.Null(none.Agreement);
        Assert.Null(none.MeanAbsoluteDifference);
        Assert.Null(none.Champion);
        Assert.Null(none.From);
        Assert.Equal(new DecisionTable(0, 0, 0, 0), none.Decisions);

        var stayers = ShadowComparer.Compare("challenger-v1", 2, 10, [Pair("a", 0.1, 0.2, false), Pair("b", 0.6, 0.2, null)]);
        Assert.Null(stayers.Champion!.Auc);
        Assert.Null(stayers.Champion.Recall);  // no churner among the labelled
        Assert.Null(stayers.Champion.Precision); // no labelled event it decided is churn
        Assert.Equal(0.01, stayers.Champion.Brier!.Value, 12);

        var unlabelled = ShadowComparer.Compare("challenger-v1", 1, 10, [Pair("a", 0.7, 0.2, null)]);
        Assert.Equal(0, unlabelled.Labelled);
        Assert.Null(unlabelled.Challenger!.Brier);
        Assert.Null(unlabelled.Challenger.ConfusionMatrix);
        Assert.Equal(1.0, unlabelled.Champion!.PredictedChurnRate);
    }

    /// <summary>AUC as the share of (churner, stayer) pairs the scores order correctly, a tie counting half.</summary>
    private static double AucByPairs(IEnumerable<ShadowPair> pairs, Func<ShadowPair, double> score)
    {
        var labelled = pairs.Where(p => p.ActualChurn is not null).ToList();
        var churners = labelled.Where(p => p.ActualChurn == true).Select(score).ToList();
        var stayers = labelled.Where(p => p.ActualChurn == false).Select(score).ToList();
        var ordered = churners.Sum(c => stayers.Sum(s => c > s ? 1.0 : c == s ? 0.5 : 0));
        return ordered / (churners.Count * stayers.Count);
    }
}
