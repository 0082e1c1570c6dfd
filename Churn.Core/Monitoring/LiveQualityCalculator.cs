using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;

namespace Churn.Core.Monitoring;

/// <summary>
/// Live quality per model version from labelled predictions: AUC (Mann–Whitney, ties counted half), precision and recall
/// of the stored decisions (probability at or above the card's threshold when it was scored), the Brier score (mean of
/// (p − y)²), and the predicted churn rate, mean predicted probability and observed churn rate.
/// </summary>
public static class LiveQualityCalculator
{
    public static IReadOnlyList<LiveQuality> Compute(IReadOnlyList<Prediction> labelled, Func<string, ModelCard?> cardOf,
        MonitoringOptions options) =>
        [.. labelled.Where(p => p.ActualChurn is not null).GroupBy(p => p.ModelVersion, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Version(g.Key, [.. g], cardOf(g.Key), options.MinimumLabelled))];

    private static LiveQuality Version(string version, IReadOnlyList<Prediction> labelled, ModelCard? card, int minimum)
    {
        var churners = labelled.Count(p => p.ActualChurn == true);
        var expected = card is null ? null : new ExpectedQuality(card.HoldoutMetrics.Auc, card.HoldoutMetrics.Precision,
            card.HoldoutMetrics.Recall, card.HoldoutMetrics.Brier,
            card.TestData.Rows == 0 ? 0 : (double)card.TestData.Positives / card.TestData.Rows);
        var quality = new LiveQuality
        {
            ModelVersion = version, Labelled = labelled.Count, Churners = churners, EnoughLabels = labelled.Count >= minimum,
            Expected = expected,
        };
        if (!quality.EnoughLabels) return quality;

        int tp = 0, fp = 0, fn = 0;
        double squares = 0;
        foreach (var p in labelled)
        {
            var actual = p.ActualChurn == true;
            if (p.PredictedChurn && actual) tp++;
            else if (p.PredictedChurn) fp++;
            else if (actual) fn++;
            var error = p.ChurnProbability - (actual ? 1 : 0);
            squares += error * error;
        }
        return quality with
        {
            Auc = AreaUnderRoc(labelled),
            Precision = tp + fp == 0 ? null : (double)tp / (tp + fp),
            Recall = tp + fn == 0 ? null : (double)tp / (tp + fn),
            Brier = squares / labelled.Count,
            PredictedChurnRate = (double)(tp + fp) / labelled.Count,
            MeanPredicted = labelled.Average(p => p.ChurnProbability),
            ObservedChurnRate = (double)churners / labelled.Count,
        };
    }

    /// <summary>The probability that a random churner is scored above a random stayer (ties half); null without both.</summary>
    public static double? AreaUnderRoc(IReadOnlyList<Prediction> labelled)
    {
        var ranked = labelled.OrderBy(p => p.ChurnProbability).ToArray();
        double positives = ranked.Count(p => p.ActualChurn == true), negatives = ranked.Length - positives;
        if (positives == 0 || negatives == 0) return null;
        double area = 0, negativesBelow = 0;
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            double tiedPositives = 0, tiedNegatives = 0;
            for (; j < ranked.Length && ranked[j].ChurnProbability == ranked[i].ChurnProbability; j++)
            {
                if (ranked[j].ActualChurn == true) tiedPositives++; else tiedNegatives++;
            }
            area += tiedPositives * (negativesBelow + tiedNegatives / 2);
            negativesBelow += tiedNegatives;
            i = j;
        }
        return area / (positives * negatives);
    }
}
