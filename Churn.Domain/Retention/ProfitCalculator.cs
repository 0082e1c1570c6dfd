using Churn.Domain.Api;
using Churn.Domain.Models;

namespace Churn.Domain.Retention;

/// <summary>
/// Profit of contacting every labelled customer at or above a threshold, for given economics: realised from the labels
/// (churners × acceptance × value − contacted × cost) and expected from the probabilities (Σp × acceptance × value −
/// contacted × cost). Contacting the k highest-probability customers is the threshold at the k-th probability, so one
/// curve serves both views.
/// </summary>
public static class ProfitCalculator
{
    /// <summary>One point per bin, highest threshold first: the campaign grows by one bin at each.</summary>
    public static IReadOnlyList<ProfitPoint> Curve(ScoreDistribution scores, RetentionEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(economics);
        var points = new List<ProfitPoint>(scores.Bins.Count);
        int contacted = 0, churners = 0;
        var probabilitySum = 0.0;
        foreach (var bin in scores.Bins.OrderByDescending(b => b.Lower))
        {
            (contacted, churners, probabilitySum) = (contacted + bin.Count, churners + bin.Churners, probabilitySum + bin.ProbabilitySum);
            points.Add(Point(bin.Lower, contacted, churners, probabilitySum, economics));
        }
        return points;
    }

    /// <summary>
    /// Contacting every customer of a bin whose lower bound is at least <paramref name="threshold"/> (exact for bins of
    /// width 0; for wider bins, the threshold acts at the first bin edge at or above it).
    /// </summary>
    public static ProfitPoint At(ScoreDistribution scores, RetentionEconomics economics, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var reached = scores.Bins.Where(b => b.Lower >= threshold).ToList();
        return Point(threshold, reached.Sum(b => b.Count), reached.Sum(b => b.Churners), reached.Sum(b => b.ProbabilitySum), economics);
    }

    /// <summary>
    /// The point of highest realised profit, when any earns more than contacting nobody; ties go to the higher
    /// threshold (the smaller campaign).
    /// </summary>
    public static ProfitPoint? Optimum(IReadOnlyList<ProfitPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ProfitPoint? best = null;
        foreach (var point in curve.OrderByDescending(p => p.Threshold))
        {
            if (point.RealisedProfit > (best?.RealisedProfit ?? 0)) best = point;
        }
        return best;
    }

    private static ProfitPoint Point(double threshold, int contacted, int churners, double probabilitySum, RetentionEconomics economics) =>
        new(threshold, contacted, churners, economics.RealisedProfit(churners, contacted), economics.ExpectedProfit(probabilitySum, contacted));
}
