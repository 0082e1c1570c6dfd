using Churn.Domain.Models;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer;

/// <summary>
/// Every decision of a run, all made from the training file alone: the cross-validated leaderboard, the winner, its
/// post-hoc calibration and the decision threshold on its calibrated out-of-fold probabilities.
/// </summary>
/// <param name="CalibratedOutOfFold">The winner's pooled out-of-fold probabilities after the calibrator (the threshold's and the card's out-of-fold scores' input).</param>
public sealed record DevelopmentResult(
    LabelledData Train,
    IReadOnlyList<CrossValidationResult> Leaderboard,
    CrossValidationResult Winner,
    CalibrationChoice Calibration,
    double Threshold,
    float[] CalibratedOutOfFold);
