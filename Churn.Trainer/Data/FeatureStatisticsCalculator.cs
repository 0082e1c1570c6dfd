using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Trainer.Data;

/// <summary>
/// Training statistics of the 19 customer features (<see cref="StatisticsFields"/>), keyed by C# property name: numeric
/// ranges, moments, medians and 10 quantile bins, and level shares for the categorical ones. Consumers: input
/// validation, the synthetic generator, the drift monitor (its reference distributions) and the what-if explanation
/// (features set to their training median).
/// </summary>
public static class FeatureStatisticsCalculator
{
    public static IReadOnlyDictionary<string, FeatureStatistics> Compute(IReadOnlyList<CustomerRecord> customers)
    {
        var statistics = new SortedDictionary<string, FeatureStatistics>(StringComparer.Ordinal);
        foreach (var field in StatisticsFields.Numeric)
        {
            statistics[field.Name] = Describe(customers.Select(field.Value).Order().ToArray());
        }
        foreach (var field in StatisticsFields.Categorical)
        {
            statistics[field.Name] = new FeatureStatistics
            {
                Kind = StatisticsFields.CategoricalKind,
                Categories = customers.GroupBy(field.Level).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => Math.Round((double)g.Count() / customers.Count, 6)),
            };
        }
        return statistics;
    }

    private static FeatureStatistics Describe(double[] sorted)
    {
        var mean = sorted.Average();
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, sorted.Length - 1);
        var middle = sorted.Length / 2;
        return new FeatureStatistics
        {
            Kind = StatisticsFields.NumericKind,
            Min = sorted[0],
            Max = sorted[^1],
            Mean = Math.Round(mean, 6),
            StdDev = Math.Round(Math.Sqrt(variance), 6),
            Median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
            Distribution = QuantileBins.Of(sorted),
        };
    }
}
