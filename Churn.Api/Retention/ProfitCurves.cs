using Churn.Domain.Retention;

namespace Churn.Api.Retention;

/// <summary>
/// The serving card's profit curves for the deployment's economics: on the test file (read back from the card's ROC
/// points, so every card has one) and on the card's out-of-fold predictions, where the profit-optimal threshold is
/// chosen — never on the test file, which only shows what each threshold would have earned.
/// </summary>
public static class ProfitCurves
{
    public const string F1 = "f1";
    public const string Profit = "profit";
    public const string BreakEven = "break-even";

    public const string ProfitRule =
        "the highest realised profit (churners × acceptance × value − contacted × cost) on the card's pooled out-of-fold " +
        "predictions with these economics, never on the test file; ties go to the higher threshold";

    public const string BreakEvenRule =
        "offer cost ÷ (acceptance × value): every customer above it has a positive expected gain; with calibrated " +
        "probabilities it is where the expected profit peaks";

    /// <summary>The curves and thresholds, or null when the card's ROC points do not describe its test file.</summary>
    public static ProfitCurveResponse? For(ModelCard card, RetentionEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(economics);
        if (HoldoutScores.From(card) is not { } test) return null;
        var outOfFold = card.OutOfFoldScores;
        var outOfFoldCurve = outOfFold is null ? null : Curve(outOfFold, economics);
        ThresholdChoice Choice(string name, string rule, double threshold) => new(name, rule, threshold,
            ProfitCalculator.At(test, economics, threshold), outOfFold is null ? null : ProfitCalculator.At(outOfFold, economics, threshold));

        List<ThresholdChoice> thresholds = [Choice(F1, card.ThresholdRule, card.Threshold)];
        if (outOfFoldCurve is not null && ProfitCalculator.Optimum(outOfFoldCurve.Points) is { } best)
        {
            thresholds.Add(Choice(Profit, ProfitRule, best.Threshold));
        }
        thresholds.Add(Choice(BreakEven, BreakEvenRule, economics.BreakEvenProbability));
        return new ProfitCurveResponse(card.Version, economics, Curve(test, economics), outOfFoldCurve, thresholds);
    }

    private static ProfitCurve Curve(ScoreDistribution scores, RetentionEconomics economics) =>
        new(scores.Source, scores.Customers, scores.Churners, ProfitCalculator.Curve(scores, economics));
}
