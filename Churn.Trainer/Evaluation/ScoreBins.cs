using System.Globalization;
using Churn.Domain.Models;

namespace Churn.Trainer.Evaluation;

/// <summary>
/// The winner's pooled out-of-fold probabilities (after the card's calibrator) with their labels, in bins of
/// <see cref="Width"/>: what the card carries so the Api can choose a profit-optimal threshold for any deployment's
/// economics without the test file. 0.001 keeps the threshold finer than any economics needs and the card small (a few
/// hundred non-empty bins instead of 3 × 2,666 pairs).
/// </summary>
public static class ScoreBins
{
    public const int BinsPerUnit = 1000;
    public const double Width = 1.0 / BinsPerUnit;

    public static ScoreDistribution OutOfFold(DevelopmentResult development)
    {
        var rows = development.Winner.OutOfFold.Length;
        var source = string.Create(CultureInfo.InvariantCulture,
            $"the winner's pooled out-of-fold predictions ({CrossValidation.Repeats} × stratified {CrossValidation.FoldCount}-fold cross-validation of {development.Train.Describe().File}: {rows:N0} = {CrossValidation.Repeats} × {development.Train.Customers.Count:N0} rows) after the card's calibrator, in bins of {Width}");
        return Compute(development.Winner.OutOfFoldLabels, development.CalibratedOutOfFold, source);
    }

    /// <summary>Bin ⌊p / width⌋ (1 in the last bin); the non-empty bins, highest first.</summary>
    public static ScoreDistribution Compute(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, string source)
    {
        var counts = new int[BinsPerUnit];
        var churners = new int[BinsPerUnit];
        var sums = new double[BinsPerUnit];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Clamp((int)Math.Floor(probabilities[i] * (double)BinsPerUnit), 0, BinsPerUnit - 1);
            counts[bin]++;
            sums[bin] += probabilities[i];
            if (labels[i]) churners[bin]++;
        }
        var bins = new List<ScoreBin>();
        for (var b = BinsPerUnit - 1; b >= 0; b--)
        {
            if (counts[b] > 0) bins.Add(new ScoreBin((double)b / BinsPerUnit, counts[b], churners[b], Math.Round(sums[b], 6)));
        }
        return new ScoreDistribution { Source = source, BinWidth = Width, Bins = bins };
    }
}
