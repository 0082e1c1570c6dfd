using Churn.Trainer.Calibration;
using Churn.Trainer.Candidates;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Churn.Trainer.Reporting;

namespace Churn.Trainer;

/// <summary>
/// The part of a run that reads only the training file: cross-validate every candidate, select the winner, choose its
/// calibrator by nested cross-validation over its out-of-fold predictions, and the threshold on those predictions once
/// calibrated (<c>--candidates</c> narrows the catalog). <c>--cv-only</c> stops here, so candidates, features and rules can be developed without the test file.
/// </summary>
public static class Development
{
    public static DevelopmentResult Run(LabelledData train, int seed, ConsoleProgress progress, IReadOnlyList<string>? only = null)
    {
        var candidates = CandidateCatalog.All(seed).Where(c => only is null || only.Contains(c.Name)).ToList();
        var leaderboard = new List<CrossValidationResult>();
        foreach (var candidate in candidates)
        {
            progress.CandidateStarted(candidate, leaderboard.Count + 1, candidates.Count);
            var result = CrossValidation.Run(candidate, train.Customers, seed);
            leaderboard.Add(result);
            progress.CandidateFinished(result);
        }

        var winner = ModelSelection.Select(leaderboard);
        var calibration = CalibrationSelector.Choose(winner, seed);
        var calibrated = winner.OutOfFold.Select(calibration.Serving.Apply).ToArray();
        var threshold = ThresholdSelector.Select(winner.OutOfFoldLabels, calibrated);
        progress.Selected(winner, calibration, threshold);
        return new DevelopmentResult(train, leaderboard, winner, calibration, threshold);
    }
}
