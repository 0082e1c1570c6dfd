using Churn.Domain.Models;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer;

/// <summary>
/// Every decision of a run, all made from the training file alone: the cross-validated leaderboard, the winner, its
/// post-hoc calibration and the decision threshold on its calibrated out-of-fold probabilities.
/// </summary>
public sealed record DevelopmentResult(
    LabelledData Train,
    IReadOnlyList<CrossValidationResult> Leaderboard,
    CrossValidationResult Winner,
    CalibrationChoice Calibration,
    double Threshold);
