using System.Globalization;
using Churn.Domain.Models;

namespace Churn.Domain.Retention;

/// <summary>
/// The test file's served probabilities and labels, read back from what every card already records: its ROC points
/// are one per distinct probability, highest first, each with the cumulative true and false positive rates at that
/// probability, and <see cref="ModelCard.TestData"/> counts the rows and churners. So a card of any age yields the exact
/// (probability, customers, churners) of every level, and profit curves for any economics.
/// </summary>
public static class HoldoutScores
{
    private const double CountTolerance = 1e-6;

    /// <summary>The test file's distribution (bin width 0: exact probabilities, rounded to 6 decimals as the ROC records them), or null when the ROC points do not describe it.</summary>
    public static ScoreDistribution? From(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        int positives = card.TestData.Positives, negatives = card.TestData.Rows - card.TestData.Positives;
        if (positives <= 0 || negatives <= 0) return null;
        var bins = new List<ScoreBin>();
        int truePositives = 0, falsePositives = 0;
        var previousThreshold = double.PositiveInfinity;
        foreach (var point in card.HoldoutMetrics.Roc)
        {
            if (!TryCount(point.TruePositiveRate * positives, out var tp) || !TryCount(point.FalsePositiveRate * negatives, out var fp)
                || tp < truePositives || fp < falsePositives || point.Threshold > previousThreshold)
            {
                return null;
            }
            var count = tp - truePositives + fp - falsePositives;
            if (count > 0)
            {
                bins.Add(new ScoreBin(point.Threshold, count, tp - truePositives, count * point.Threshold));
            }
            (truePositives, falsePositives, previousThreshold) = (tp, fp, point.Threshold);
        }
        if (truePositives != positives || falsePositives != negatives) return null;
        return new ScoreDistribution
        {
            Source = string.Create(CultureInfo.InvariantCulture,
                $"the test file {card.TestData.File} ({card.TestData.Rows:N0} customers, {card.TestData.Positives:N0} churners) scored by this model, from the card's ROC points"),
            BinWidth = 0,
            Bins = bins,
        };
    }

    private static bool TryCount(double value, out int count)
    {
        count = (int)Math.Round(value);
        return Math.Abs(value - count) <= CountTolerance * Math.Max(1, Math.Abs(value));
    }
}
