using Churn.Domain.Models;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer;

/// <summary>Everything one Trainer run produced, before it is written to disk.</summary>
/// <param name="TestProbabilities">ML.NET's probabilities on the test file, after the card's calibrator: what serving must reproduce.</param>
public sealed record TrainingResult(
    DevelopmentResult Development,
    LabelledData Test,
    BinaryMetrics Holdout,
    IReadOnlyList<RocPoint> Roc,
    IReadOnlyList<ReliabilityBin> Reliability,
    float[] TestProbabilities,
    byte[] Onnx)
{
    public LabelledData Train => Development.Train;
    public IReadOnlyList<CrossValidationResult> Leaderboard => Development.Leaderboard;
    public CrossValidationResult Winner => Development.Winner;
    public double Threshold => Development.Threshold;
}
