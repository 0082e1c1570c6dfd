using Churn.Domain.Models;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer;

/// <summary>Everything one Trainer run produced, before it is written to disk.</summary>
public sealed record TrainingResult(
    LabelledData Train,
    LabelledData Test,
    IReadOnlyList<CrossValidationResult> Leaderboard,
    CrossValidationResult Winner,
    double Threshold,
    BinaryMetrics Holdout,
    IReadOnlyList<RocPoint> Roc,
    float[] TestProbabilities,
    byte[] Onnx);
