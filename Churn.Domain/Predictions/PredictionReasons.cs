using System.ComponentModel;

namespace Churn.Domain.Predictions;

/// <summary>
/// Why the model scored a customer as it did, computed when the prediction was scored: the features with the largest
/// contributions to the tree ensemble's raw score. All contributions (not only these) add up with
/// <see cref="BaseScore"/> to <see cref="Score"/> exactly.
/// </summary>
public sealed record PredictionReasons
{
    /// <summary>The attribution method (<c>tree-path</c>: see docs/model.md).</summary>
    [Description("How the contributions were computed: 'tree-path' = Saabas tree-path attribution over the ONNX graph's trees.")]
    public required string Method { get; init; }

    [Description("The ensemble's expected raw score over the training file: where every customer's contributions start.")]
    public required double BaseScore { get; init; }

    [Description("This customer's raw ensemble score: baseScore + the contributions of all features.")]
    public required double Score { get; init; }

    [Description("The largest contributions by absolute value, largest first.")]
    public required IReadOnlyList<ReasonCode> Top { get; init; }

    /// <summary>Equal when every field and every reason code, in order, is (a stored prediction reads back equal).</summary>
    public bool Equals(PredictionReasons? other) =>
        other is not null && Method == other.Method && BaseScore.Equals(other.BaseScore) && Score.Equals(other.Score)
        && Top.SequenceEqual(other.Top);

    public override int GetHashCode() => HashCode.Combine(Method, BaseScore, Score, Top.Count);
}
