using System.Globalization;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;

namespace Churn.Core.Monitoring;

/// <summary>Counts a window into a reference's bins and describes each bin (range or level, shares, PSI term).</summary>
public static class DriftBins
{
    public static int[] Count(ReferenceDistribution reference, IEnumerable<double> values)
    {
        var counts = new int[reference.BinCount];
        foreach (var value in values) counts[reference.BinOf(value)]++;
        return counts;
    }

    public static IReadOnlyList<DriftBin> Numeric(ReferenceDistribution reference, int[] counts, double[] terms)
    {
        var total = Math.Max(1, counts.Sum());
        var bins = new DriftBin[counts.Length];
        for (var b = 0; b < counts.Length; b++)
        {
            double? lower = b == 0 ? null : reference.Edges[b - 1];
            double? upper = b == counts.Length - 1 ? null : reference.Edges[b];
            bins[b] = new DriftBin
            {
                Label = (lower, upper) switch
                {
                    (null, null) => "all",
                    (null, { } u) => $"≤ {Format(u)}",
                    ({ } l, null) => $"> {Format(l)}",
                    ({ } l, { } u) => $"({Format(l)}, {Format(u)}]",
                },
                Lower = lower, Upper = upper, Expected = reference.Proportions[b], Actual = (double)counts[b] / total,
                Count = counts[b], Contribution = terms[b],
            };
        }
        return bins;
    }

    public static IReadOnlyList<DriftBin> Categorical(IReadOnlyList<string> levels, IReadOnlyList<double> expected, int[] counts, double[] terms)
    {
        var total = Math.Max(1, counts.Sum());
        return [.. levels.Select((level, b) => new DriftBin
        {
            Label = level, Level = level, Expected = expected[b], Actual = (double)counts[b] / total, Count = counts[b],
            Contribution = terms[b],
        })];
    }

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
