using Churn.Domain.Challenger;
using Churn.Domain.Models;
using Churn.Domain.Retention;

namespace Churn.Core.Challenger;

/// <summary>
/// Compares champion and challenger on the same live events (<see cref="ShadowPair"/>s: the challenger's shadow
/// prediction joined with the stored prediction of the event): how often their decisions — each at its own card's
/// threshold — agree, how far apart their probabilities are, and, on the events whose outcome is known, each side's
/// AUC, precision, recall and Brier score; with the deployment's retention economics, each side's expected profit (over
/// every compared event it would contact) and realised profit (over the labelled ones).
/// </summary>
public static class ShadowComparer
{
    public static ChallengerComparison Compare(string challengerVersion, long shadowPredictions, int window,
        IReadOnlyList<ShadowPair> pairs, RetentionEconomics? economics = null)
    {
        var n = pairs.Count;
        int both = 0, championOnly = 0, challengerOnly = 0, neither = 0;
        var absoluteDifference = 0.0;
        foreach (var p in pairs)
        {
            (both, championOnly, challengerOnly, neither) = (p.ChampionChurn, p.ChallengerChurn) switch
            {
                (true, true) => (both + 1, championOnly, challengerOnly, neither),
                (true, false) => (both, championOnly + 1, challengerOnly, neither),
                (false, true) => (both, championOnly, challengerOnly + 1, neither),
                _ => (both, championOnly, challengerOnly, neither + 1),
            };
            absoluteDifference += Math.Abs(p.ChampionProbability - p.ChallengerProbability);
        }
        var labelled = pairs.Where(p => p.ActualChurn is not null).ToList();
        return new ChallengerComparison
        {
            ChallengerVersion = challengerVersion,
            ShadowPredictions = shadowPredictions,
            Window = window,
            Events = n,
            From = n == 0 ? null : pairs.Min(p => p.ScoredAt),
            To = n == 0 ? null : pairs.Max(p => p.ScoredAt),
            ChampionVersions = [.. pairs.GroupBy(p => p.ChampionVersion).Select(g => new VersionCount(g.Key, g.Count()))
                .OrderByDescending(v => v.Events).ThenBy(v => v.Version, StringComparer.Ordinal)],
            Agreement = n == 0 ? null : (double)(both + neither) / n,
            Decisions = new DecisionTable(both, championOnly, challengerOnly, neither),
            MeanAbsoluteDifference = n == 0 ? null : absoluteDifference / n,
            Labelled = labelled.Count,
            Champion = n == 0 ? null : Side(pairs, labelled, p => p.ChampionProbability, p => p.ChampionChurn, economics),
            Challenger = n == 0 ? null : Side(pairs, labelled, p => p.ChallengerProbability, p => p.ChallengerChurn, economics),
        };
    }

    private static ComparisonSide Side(IReadOnlyList<ShadowPair> all, List<ShadowPair> labelled, Func<ShadowPair, double> probability,
        Func<ShadowPair, bool> decision, RetentionEconomics? economics)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var squaredError = 0.0;
        foreach (var p in labelled)
        {
            var actual = p.ActualChurn!.Value;
            (tp, fp, fn, tn) = (decision(p), actual) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            var error = probability(p) - (actual ? 1 : 0);
            squaredError += error * error;
        }
        return new ComparisonSide
        {
            MeanProbability = all.Average(probability),
            PredictedChurnRate = (double)all.Count(decision) / all.Count,
            Auc = Auc(labelled, probability),
            Precision = tp + fp == 0 ? null : (double)tp / (tp + fp),
            Recall = tp + fn == 0 ? null : (double)tp / (tp + fn),
            Brier = labelled.Count == 0 ? null : squaredError / labelled.Count,
            ConfusionMatrix = labelled.Count == 0 ? null : new ConfusionMatrix(tp, fp, fn, tn),
            ExpectedProfit = economics?.ExpectedProfit(all.Where(decision).Sum(probability), all.Count(decision)),
            RealisedProfit = labelled.Count == 0 ? null : economics?.RealisedProfit(tp, tp + fp),
        };
    }

    /// <summary>
    /// The Mann–Whitney form of ROC AUC: (sum of the churners' ranks − n₁(n₁+1)/2) / (n₁·n₀), tied probabilities sharing
    /// their mean rank (a tie between a churner and a stayer counts half). Null without both outcomes.
    /// </summary>
    private static double? Auc(List<ShadowPair> labelled, Func<ShadowPair, double> probability)
    {
        var positives = labelled.Count(p => p.ActualChurn == true);
        var negatives = labelled.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }
        var ordered = labelled.Select(p => (Score: probability(p), Positive: p.ActualChurn == true)).OrderBy(s => s.Score).ToArray();
        var positiveRanks = 0.0;
        for (var i = 0; i < ordered.Length;)
        {
            var j = i;
            while (j < ordered.Length && ordered[j].Score == ordered[i].Score)
            {
                j++;
            }
            var meanRank = (i + 1 + j) / 2.0; // ranks i+1 … j
            for (var k = i; k < j; k++)
            {
                if (ordered[k].Positive)
                {
                    positiveRanks += meanRank;
                }
            }
            i = j;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
