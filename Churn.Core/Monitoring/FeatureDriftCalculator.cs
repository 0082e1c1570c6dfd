using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;

namespace Churn.Core.Monitoring;

/// <summary>
/// Population stability of the 19 customer fields (<see cref="StatisticsFields"/>) over a window of scored records,
/// against a model card's training statistics: numeric fields over the card's quantile bins, categorical ones over the
/// training file's levels (plus one bin for levels the training file never had, when the window has any).
/// </summary>
public static class FeatureDriftCalculator
{
    /// <summary>The bin of levels the training file never had.</summary>
    public const string UnseenLevel = "(not in training)";

    public static IReadOnlyList<FeatureDrift> Compute(ModelCard? card, IReadOnlyList<CustomerRecord> window, MonitoringOptions options)
    {
        var drifts = new List<FeatureDrift>();
        foreach (var field in StatisticsFields.Numeric)
        {
            var reference = card?.FeatureStatistics.GetValueOrDefault(field.Name)?.Distribution;
            drifts.Add(reference is null || reference.Problem() is not null
                ? NoReference(field.Name, StatisticsFields.NumericKind, window.Count)
                : Numeric(field, reference, window, options));
        }
        foreach (var field in StatisticsFields.Categorical)
        {
            var levels = card?.FeatureStatistics.GetValueOrDefault(field.Name)?.Categories;
            drifts.Add(levels is not { Count: > 0 } || card!.TrainingData.Rows < 1
                ? NoReference(field.Name, StatisticsFields.CategoricalKind, window.Count)
                : Categorical(field, levels, card.TrainingData.Rows, window, options));
        }
        return drifts;
    }

    private static FeatureDrift Numeric(NumericField field, ReferenceDistribution reference, IReadOnlyList<CustomerRecord> window,
        MonitoringOptions options)
    {
        var counts = DriftBins.Count(reference, window.Select(field.Value));
        var terms = PopulationStability.Contributions(reference.Proportions, counts);
        return Judge(field.Name, StatisticsFields.NumericKind, window.Count, terms, reference.BinCount, reference.Count, options,
            DriftBins.Numeric(reference, counts, terms));
    }

    private static FeatureDrift Categorical(CategoricalField field, IReadOnlyDictionary<string, double> reference, int referenceCount,
        IReadOnlyList<CustomerRecord> window, MonitoringOptions options)
    {
        var levels = reference.Keys.Order(StringComparer.Ordinal).ToList();
        var index = levels.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
        var counts = new int[levels.Count + 1];
        foreach (var record in window)
        {
            counts[index.TryGetValue(field.Level(record), out var i) ? i : levels.Count]++;
        }
        var expected = levels.Select(l => reference[l]).Append(0).ToList();
        if (counts[^1] > 0) levels.Add(UnseenLevel);
        else
        {
            counts = counts[..^1];
            expected.RemoveAt(expected.Count - 1);
        }
        var terms = PopulationStability.Contributions(expected, counts);
        return Judge(field.Name, StatisticsFields.CategoricalKind, window.Count, terms, counts.Length, referenceCount, options,
            DriftBins.Categorical(levels, expected, counts, terms));
    }

    internal static FeatureDrift Judge(string name, string kind, int events, double[] terms, int bins, int referenceCount,
        MonitoringOptions options, IReadOnlyList<DriftBin> described)
    {
        var minimum = PopulationStability.MinimumEvents(bins, referenceCount, options.WarnPsi, options.MinimumEvents);
        double? psi = events == 0 ? null : terms.Sum();
        var state = psi is { } value && minimum is { } needed && events >= needed
            ? PopulationStability.StateOf(value, options.WarnPsi, options.AlertPsi)
            : DriftState.NotEnoughData;
        return new FeatureDrift
        {
            Feature = name, Kind = kind, Psi = psi, State = state, Events = events, MinimumEvents = minimum, Bins = described,
        };
    }

    private static FeatureDrift NoReference(string name, string kind, int events) => new()
    {
        Feature = name, Kind = kind, State = DriftState.NoReference, Events = events, Bins = [],
    };
}
