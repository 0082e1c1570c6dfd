using System.Globalization;
using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Trainer.Data;

/// <summary>
/// Training statistics of the 19 customer features, keyed by C# property name: numeric ranges, moments and medians,
/// and level shares for the categorical ones. Consumers: input validation, the synthetic generator, drift checks and the
/// what-if explanation (features set to their training median).
/// </summary>
public static class FeatureStatisticsCalculator
{
    private static readonly (string Name, Func<CustomerRecord, double> Value)[] Numeric =
    [
        (nameof(CustomerRecord.AccountLength), c => c.AccountLength),
        (nameof(CustomerRecord.NumberVmailMessages), c => c.NumberVmailMessages),
        (nameof(CustomerRecord.TotalDayMinutes), c => c.TotalDayMinutes),
        (nameof(CustomerRecord.TotalDayCalls), c => c.TotalDayCalls),
        (nameof(CustomerRecord.TotalDayCharge), c => c.TotalDayCharge),
        (nameof(CustomerRecord.TotalEveMinutes), c => c.TotalEveMinutes),
        (nameof(CustomerRecord.TotalEveCalls), c => c.TotalEveCalls),
        (nameof(CustomerRecord.TotalEveCharge), c => c.TotalEveCharge),
        (nameof(CustomerRecord.TotalNightMinutes), c => c.TotalNightMinutes),
        (nameof(CustomerRecord.TotalNightCalls), c => c.TotalNightCalls),
        (nameof(CustomerRecord.TotalNightCharge), c => c.TotalNightCharge),
        (nameof(CustomerRecord.TotalIntlMinutes), c => c.TotalIntlMinutes),
        (nameof(CustomerRecord.TotalIntlCalls), c => c.TotalIntlCalls),
        (nameof(CustomerRecord.TotalIntlCharge), c => c.TotalIntlCharge),
        (nameof(CustomerRecord.CustomerServiceCalls), c => c.CustomerServiceCalls),
    ];

    private static readonly (string Name, Func<CustomerRecord, string> Level)[] Categorical =
    [
        (nameof(CustomerRecord.State), c => c.State),
        (nameof(CustomerRecord.AreaCode), c => c.AreaCode.ToString(CultureInfo.InvariantCulture)),
        (nameof(CustomerRecord.InternationalPlan), c => c.InternationalPlan ? "yes" : "no"),
        (nameof(CustomerRecord.VoiceMailPlan), c => c.VoiceMailPlan ? "yes" : "no"),
    ];

    public static IReadOnlyDictionary<string, FeatureStatistics> Compute(IReadOnlyList<CustomerRecord> customers)
    {
        var statistics = new SortedDictionary<string, FeatureStatistics>(StringComparer.Ordinal);
        foreach (var (name, value) in Numeric)
        {
            statistics[name] = Describe(customers.Select(value).Order().ToArray());
        }
        foreach (var (name, level) in Categorical)
        {
            statistics[name] = new FeatureStatistics
            {
                Kind = "categorical",
                Categories = customers.GroupBy(level).OrderBy(g => g.Key, StringComparer.Ordinal)
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
            Kind = "numeric",
            Min = sorted[0],
            Max = sorted[^1],
            Mean = Math.Round(mean, 6),
            StdDev = Math.Round(Math.Sqrt(variance), 6),
            Median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
        };
    }
}
