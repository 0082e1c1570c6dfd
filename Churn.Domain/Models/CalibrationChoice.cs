namespace Churn.Domain.Models;

/// <summary>
/// How the served probabilities are calibrated: the calibrator that serves (applied by the serving scorer after the
/// ONNX graph's output), the rule that chose it and what each method scored when it was chosen.
/// </summary>
public sealed record CalibrationChoice
{
    public required ProbabilityCalibrator Serving { get; init; }
    public required string Rule { get; init; }
    public required IReadOnlyList<CalibratorEvaluation> Compared { get; init; }
}
