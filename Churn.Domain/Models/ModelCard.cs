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
}

public sealed record DataDescription(string File, string Sha256, int Rows, int Positives);

public sealed record MetricSummary(double Mean, double StdDev);

public sealed record LeaderboardEntry
{
    public required string Candidate { get; init; }
    public required string Algorithm { get; init; }
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }
    public required MetricSummary Auc { get; init; }
    public required MetricSummary AucPr { get; init; }
    public required MetricSummary F1 { get; init; }
    public required MetricSummary Accuracy { get; init; }
    public required MetricSummary LogLoss { get; init; }
    public required double Seconds { get; init; }
    public required bool Selected { get; init; }
}

public sealed record HoldoutMetrics
{
    public required double Auc { get; init; }
    public required double AucPr { get; init; }
    public required double Accuracy { get; init; }
    public required double Precision { get; init; }
    public required double Recall { get; init; }
    public required double F1 { get; init; }
    public required double LogLoss { get; init; }
    public required ConfusionMatrix ConfusionMatrix { get; init; }
    public required IReadOnlyList<RocPoint> Roc { get; init; }
}

public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives);

public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

public sealed record OnnxParity(double MaxAbsDiff, int Rows, double Tolerance);

public sealed record OnnxSignature(string InputName, string OutputName, int FeatureCount);

/// <summary>
/// Training-file statistics of one customer feature. Numeric features fill the numeric fields; categorical ones
/// (state, plans, area code) fill <see cref="Categories"/> with the share of each level.
/// </summary>
public sealed record FeatureStatistics
{
    public required string Kind { get; init; }
    public double Min { get; init; }
    public double Max { get; init; }
    public double Mean { get; init; }
    public double StdDev { get; init; }
    public double Median { get; init; }
    public IReadOnlyDictionary<string, double>? Categories { get; init; }
}
