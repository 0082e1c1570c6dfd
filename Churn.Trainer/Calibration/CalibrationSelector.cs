using Churn.Domain.Models;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer.Calibration;

/// <summary>
/// Chooses the post-hoc calibrator of the winner from its pooled out-of-fold predictions only, by a nested
/// cross-validation: per repeat of the outer cross-validation, its out-of-fold predictions are split into stratified
/// 5 folds; each method is fitted on 4/5 and scored on the other 1/5. The rule (<see cref="Rule"/>) was fixed before
/// the test file was read. The chosen method is then refitted on all pooled out-of-fold predictions.
/// </summary>
public static class CalibrationSelector
{
    public const int FoldCount = 5;
    /// <summary>A calibrator must beat the learner's own probabilities by this many standard errors.</summary>
    public const double StandardErrors = 2;
    /// <summary>Nested fold shuffles use seeds seed + 73 + repeat, a stream apart from the outer folds'.</summary>
    private const int FoldSeedOffset = 73;

    public const string Rule =
        "nested 5-fold cross-validation over the winner's out-of-fold predictions (fit on 4/5, score on 1/5, per repeat): " +
        "the lowest mean Brier score; a calibrator (Platt on the logit, isotonic) replaces the learner's own probabilities " +
        "only when it lowers the mean Brier score by more than 2 standard errors of the per-fold paired difference";

    private static readonly string[] Methods =
        [ProbabilityCalibrator.NoneMethod, ProbabilityCalibrator.PlattMethod, ProbabilityCalibrator.IsotonicMethod];

    public static CalibrationChoice Choose(CrossValidationResult winner, int seed)
    {
        var rows = winner.OutOfFold.Length / CrossValidation.Repeats;
        var scores = Methods.ToDictionary(m => m, _ => new List<BinaryMetrics>());
        for (var repeat = 0; repeat < CrossValidation.Repeats; repeat++)
        {
            var labels = winner.OutOfFoldLabels.AsSpan(repeat * rows, rows).ToArray();
            var probabilities = winner.OutOfFold.AsSpan(repeat * rows, rows).ToArray();
            var folds = StratifiedFolds.Assign(labels, FoldCount, seed + FoldSeedOffset + repeat);
            for (var fold = 0; fold < FoldCount; fold++)
            {
                var fit = Enumerable.Range(0, rows).Where(i => folds[i] != fold).ToArray();
                var held = Enumerable.Range(0, rows).Where(i => folds[i] == fold).ToArray();
                var heldLabels = held.Select(i => labels[i]).ToArray();
                foreach (var method in Methods)
                {
                    var calibrator = Fit(method, fit.Select(i => labels[i]).ToArray(), fit.Select(i => probabilities[i]).ToArray());
                    var calibrated = held.Select(i => calibrator.Apply(probabilities[i])).ToArray();
                    scores[method].Add(BinaryMetrics.Compute(heldLabels, calibrated, CrossValidation.ReportingThreshold));
                }
            }
        }
        var chosen = Pick(scores);
        return new CalibrationChoice
        {
            Serving = Fit(chosen, winner.OutOfFoldLabels, winner.OutOfFold),
            Rule = Rule,
            Compared = [.. Methods.Select(m => new CalibratorEvaluation
            {
                Method = m,
                Brier = Summaries.Of(scores[m].Select(s => s.Brier)),
                Ece = Summaries.Of(scores[m].Select(s => s.Ece)),
                LogLoss = Summaries.Of(scores[m].Select(s => s.LogLoss)),
                Selected = m == chosen,
            })],
        };
    }

    public static ProbabilityCalibrator Fit(string method, IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities) => method switch
    {
        ProbabilityCalibrator.NoneMethod => ProbabilityCalibrator.None,
        ProbabilityCalibrator.PlattMethod => ProbabilityCalibrator.FromPlatt(PlattFit.Fit(labels, probabilities)),
        ProbabilityCalibrator.IsotonicMethod => ProbabilityCalibrator.FromIsotonic(IsotonicFit.Fit(labels, probabilities)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown calibration method"),
    };

    /// <summary>The rule: of the calibrators that clear the margin over 'none', the lowest mean Brier; else 'none'.</summary>
    private static string Pick(Dictionary<string, List<BinaryMetrics>> scores)
    {
        var none = scores[ProbabilityCalibrator.NoneMethod].Select(s => s.Brier).ToArray();
        var chosen = ProbabilityCalibrator.NoneMethod;
        var best = none.Average();
        foreach (var method in Methods.Where(m => m != ProbabilityCalibrator.NoneMethod))
        {
            var differences = none.Zip(scores[method].Select(s => s.Brier), (n, c) => n - c).ToArray();
            var gain = Summaries.Of(differences);
            var clears = gain.Mean > StandardErrors * gain.StdDev / Math.Sqrt(differences.Length);
            var brier = scores[method].Average(s => s.Brier);
            if (clears && brier < best)
            {
                (chosen, best) = (method, brier);
            }
        }
        return chosen;
    }
}
