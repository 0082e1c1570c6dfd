using System.Diagnostics;
using Churn.Domain.Customers;
using Churn.Trainer.Candidates;
using Churn.Trainer.Data;
using Microsoft.ML;

namespace Churn.Trainer.Evaluation;

/// <summary>
/// Repeated stratified k-fold cross-validation on the training file: 3 repeats of stratified 5-fold, each repeat with
/// its own fold shuffle. Differences between good candidates are smaller than the spread of one 5-fold pass, so the
/// repeats steady both the selection and the threshold. Every fit gets a fresh seeded MLContext, so the folds of a
/// repeat train in parallel and the result depends only on the seed.
/// </summary>
public static class CrossValidation
{
    public const int FoldCount = 5;
    public const int Repeats = 3;
    public const double ReportingThreshold = 0.5;
    /// <summary>Fold shuffles use seeds seed + 41 + repeat, a stream apart from the learners' seed.</summary>
    private const int FoldSeedOffset = 41;

    public static CrossValidationResult Run(Candidate candidate, IReadOnlyList<CustomerRecord> customers, int seed)
    {
        var clock = Stopwatch.StartNew();
        var labels = customers.Select(c => c.Churn == true).ToArray();
        var outOfFold = new float[customers.Count * Repeats];
        var metrics = new BinaryMetrics[FoldCount * Repeats];
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var folds = StratifiedFolds.Assign(labels, FoldCount, seed + FoldSeedOffset + repeat);
            var pooled = outOfFold.AsMemory(repeat * customers.Count, customers.Count);
            var first = repeat * FoldCount;
            Parallel.For(0, FoldCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
            {
                var ml = new MLContext(seed);
                var train = Enumerable.Range(0, customers.Count).Where(i => folds[i] != fold).Select(i => customers[i]);
                var heldOut = Enumerable.Range(0, customers.Count).Where(i => folds[i] == fold).ToArray();
                var model = candidate.Build(ml).Fit(FeatureViews.Labelled(ml, train));
                var probabilities = FeatureViews.Probabilities(model, FeatureViews.Unlabelled(ml, heldOut.Select(i => customers[i])));
                for (var k = 0; k < heldOut.Length; k++)
                {
                    pooled.Span[heldOut[k]] = probabilities[k];
                }
                metrics[first + fold] = BinaryMetrics.Compute(heldOut.Select(i => labels[i]).ToArray(), probabilities, ReportingThreshold);
            });
        }
        var pooledLabels = Enumerable.Repeat(labels, Repeats).SelectMany(l => l).ToArray();
        return new CrossValidationResult(candidate, metrics, outOfFold, pooledLabels, clock.Elapsed.TotalSeconds);
    }
}
