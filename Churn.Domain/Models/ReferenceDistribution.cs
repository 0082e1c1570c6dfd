using System.Text.Json.Serialization;

namespace Churn.Domain.Models;

/// <summary>
/// A reference distribution for drift monitoring, recorded in the model card: the share of the reference sample in each
/// bin. <see cref="Edges"/> are the ascending upper bounds of every bin but the last: bin 0 is (−∞, Edges[0]], bin i is
/// (Edges[i − 1], Edges[i]] and the last bin is (Edges[^1], +∞), so a live value outside the training range still has a bin.
/// <see cref="BinOf"/> is the one bin assignment, used by the Trainer to measure <see cref="Proportions"/> and by
/// monitoring to count live values.
/// </summary>
public sealed record ReferenceDistribution
{
    /// <summary>Upper bounds (inclusive) of bins 0 … k − 2, strictly ascending.</summary>
    public required IReadOnlyList<double> Edges { get; init; }

    /// <summary>Share of the reference sample in each of the <c>Edges.Count + 1</c> bins; they sum to 1 (rounded to 6 digits).</summary>
    public required IReadOnlyList<double> Proportions { get; init; }

    /// <summary>Size of the reference sample (rows), which bounds how closely the proportions are known.</summary>
    public required int Count { get; init; }

    /// <summary>What the sample was, when it is not the training file's rows (the prediction reference says so).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    [JsonIgnore]
    public int BinCount => Edges.Count + 1;

    /// <summary>The bin <paramref name="value"/> falls into: the first whose upper edge is at least the value, else the last.</summary>
    public int BinOf(double value)
    {
        int low = 0, high = Edges.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (value <= Edges[middle]) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Why this distribution cannot be used (edges not ascending, a proportion count that does not match), or null.</summary>
    public string? Problem()
    {
        if (Proportions.Count != BinCount) return $"{Proportions.Count} proportions for {BinCount} bins";
        for (var i = 1; i < Edges.Count; i++)
        {
            if (!(Edges[i] > Edges[i - 1])) return $"edges are not strictly ascending at {i}";
        }
        if (Proportions.Any(p => !double.IsFinite(p) || p < 0)) return "a proportion is negative or not a number";
        return Count < 1 ? "an empty reference sample" : null;
    }
}
