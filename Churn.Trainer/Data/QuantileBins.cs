using Churn.Domain.Models;

namespace Churn.Trainer.Data;

/// <summary>
/// Reference distributions for the drift monitor: up to <see cref="Bins"/> equal-frequency bins of a sample. The edges are
/// the sample's deciles (the value at rank ⌈j·n/10⌉, j = 1 … 9); tied deciles collapse into one edge and an edge at the
/// maximum is dropped, so discrete features (service calls, voice-mail messages, mostly 0) get fewer, wider bins and no
/// bin is empty. The proportions are then counted with <see cref="ReferenceDistribution.BinOf"/>, the monitor's own bin
/// assignment, so they are the sample's real shares, not the nominal 10 %.
/// </summary>
public static class QuantileBins
{
    public const int Bins = 10;

    /// <param name="sorted">The sample in ascending order (at least one value).</param>
    public static ReferenceDistribution Of(IReadOnlyList<double> sorted, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var edges = new List<double>();
        for (var j = 1; j < Bins; j++)
        {
            var edge = sorted[(int)Math.Ceiling((double)j * sorted.Count / Bins) - 1];
            if (edge < sorted[^1] && (edges.Count == 0 || edge > edges[^1])) edges.Add(edge);
        }
        var distribution = new ReferenceDistribution { Edges = edges, Proportions = [], Count = sorted.Count, Source = source };
        var counts = new int[distribution.BinCount];
        foreach (var value in sorted) counts[distribution.BinOf(value)]++;
        return distribution with { Proportions = [.. counts.Select(c => Math.Round((double)c / sorted.Count, 6))] };
    }
}
