using Churn.Trainer.Evaluation;

namespace Churn.Trainer;

/// <summary>
/// The rule that picks the winner from the cross-validated leaderboard, fixed before the test file is read: the best
/// probabilities (lowest log-loss) win; among candidates whose log-loss is practically equal, the better ranker.
/// </summary>
public static class ModelSelection
{
    public const double LogLossTolerance = 0.002;

    public const string Rule =
        "lowest mean cross-validated log-loss; candidates within 0.002 of it are decided by the higher mean cross-validated AUC";

    public static CrossValidationResult Select(IReadOnlyList<CrossValidationResult> leaderboard)
    {
        var bestLogLoss = leaderboard.Min(r => r.Summary(m => m.LogLoss).Mean);
        return leaderboard
            .Where(r => r.Summary(m => m.LogLoss).Mean <= bestLogLoss + LogLossTolerance)
            .MaxBy(r => r.Summary(m => m.Auc).Mean)!;
    }
}
