using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;

namespace Churn.Core.Monitoring;

/// <summary>
/// Drift of the predicted probabilities, per model version in the window (a model's scores are comparable only with its
/// own reference): the version's events over its card's <see cref="ModelCard.PredictionDistribution"/> bins.
/// </summary>
public static class PredictionDriftCalculator
{
    public static IReadOnlyList<PredictionDrift> Compute(IReadOnlyList<Prediction> window,
        Func<string, ModelCard?> cardOf, MonitoringOptions options) =>
        [.. window.GroupBy(p => p.ModelVersion, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Version(g.Key, [.. g.Select(p => p.ChurnProbability)], cardOf(g.Key)?.PredictionDistribution, options))];

    private static PredictionDrift Version(string version, double[] probabilities, ReferenceDistribution? reference, MonitoringOptions options)
    {
        var mean = probabilities.Average();
        if (reference is null || reference.Problem() is not null)
        {
            return new PredictionDrift
            {
                ModelVersion = version, Events = probabilities.Length, State = DriftState.NoReference, MeanPredicted = mean, Bins = [],
            };
        }
        var counts = DriftBins.Count(reference, probabilities);
        var terms = PopulationStability.Contributions(reference.Proportions, counts);
        var judged = FeatureDriftCalculator.Judge(version, "prediction", probabilities.Length, terms, reference.BinCount,
            reference.Count, options, DriftBins.Numeric(reference, counts, terms));
        return new PredictionDrift
        {
            ModelVersion = version, Events = probabilities.Length, Psi = judged.Psi, State = judged.State,
            MinimumEvents = judged.MinimumEvents, MeanPredicted = mean, Bins = judged.Bins,
        };
    }
}
