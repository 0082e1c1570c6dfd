using System.Text.Json.Serialization;

namespace Churn.Domain.Models;

/// <summary>
/// The model card written beside <c>model.onnx</c> as <c>model-card.json</c> (camelCase JSON). Everything a consumer
/// of the model needs: which version is serving, the decision threshold, how good it is, what it was trained on, the
/// feature order of the ONNX input, and per-feature training statistics (input validation, synthetic data, drift,
/// what-if explanations).
/// </summary>
public sealed record ModelCard
{
    public required string Version { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Algorithm { get; init; }
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
    public required double Threshold { get; init; }
    /// <summary>
    /// The post-hoc calibration of the served probabilities; absent (older cards) means the graph's output is served as is.
    /// The threshold applies to the calibrated probability.
    /// </summary>
    public CalibrationChoice? Calibration { get; init; }
    public required string ThresholdRule { get; init; }
    public required string SelectionRule { get; init; }
    public required int Seed { get; init; }
    public required DataDescription TrainingData { get; init; }
    public required DataDescription TestData { get; init; }
    public required IReadOnlyList<LeaderboardEntry> Leaderboard { get; init; }
    public required HoldoutMetrics HoldoutMetrics { get; init; }
    public required OnnxParity OnnxParity { get; init; }
    public required OnnxSignature Onnx { get; init; }
    /// <summary>Engineered model features in ONNX input order (what <c>ChurnFeatures</c> builds).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }
    /// <summary>Statistics of the 19 customer features on the training file, keyed by C# property name.</summary>
    public required IReadOnlyDictionary<string, FeatureStatistics> FeatureStatistics { get; init; }
    public required double TrainingSeconds { get; init; }
    /// <summary>
    /// The reference of prediction drift: the shares of the winner's out-of-fold probabilities (after the calibrator) in
    /// 10 quantile bins. Absent from cards written before drift monitoring (then prediction drift has no reference).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReferenceDistribution? PredictionDistribution { get; init; }
}
