using Churn.Trainer.Data;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Churn.Trainer.Candidates;

/// <summary>
/// The candidates compared on every run, all reading the engineered feature vector. Linear learners get mean–variance
/// normalisation (trees do not need it); FastForest has no probability of its own, so a Platt calibrator follows it.
/// The boosted trees come with and without feature fraction 0.8 (each tree sees a random 80 % of the features), which
/// lowered cross-validated log-loss and Brier score across three fold seeds (docs/model.md). Every learner is
/// single-threaded and seeded, so a seed reproduces the run bit for bit.
/// </summary>
public static class CandidateCatalog
{
    private const string Label = FeatureViews.LabelColumn;
    private const string Features = FeatureViews.FeaturesColumn;

    public static IReadOnlyList<Candidate> All(int seed) =>
    [
        new("logistic-regression", "LbfgsLogisticRegression", Params(("normalisation", "mean-variance"), ("l1", "1"), ("l2", "1")),
            ml => ml.Transforms.NormalizeMeanVariance(Features).Append(
                ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = Label, FeatureColumnName = Features, L1Regularization = 1, L2Regularization = 1, NumberOfThreads = 1,
                }))),
        new("sdca-logistic-regression", "SdcaLogisticRegression", Params(("normalisation", "mean-variance"), ("maxIterations", "100")),
            ml => ml.Transforms.NormalizeMeanVariance(Features).Append(
                ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = Label, FeatureColumnName = Features, MaximumNumberOfIterations = 100, NumberOfThreads = 1,
                }))),
        FastTree("fast-tree-20-leaves", leaves: 20, trees: 100, learningRate: 0.2, seed),
        FastTree("fast-tree-8-leaves", leaves: 8, trees: 300, learningRate: 0.03, seed),
        FastTree("fast-tree-8-leaves-ff", leaves: 8, trees: 300, learningRate: 0.03, seed, featureFraction: 0.8),
        new("fast-forest", "FastForest + Platt",
            Params(("trees", "300"), ("leaves", "20"), ("minLeaf", "10"), ("featureFraction", "0.7"), ("calibration", "Platt")),
            ml => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, NumberOfTrees = 300, NumberOfLeaves = 20,
                MinimumExampleCountPerLeaf = 10, FeatureFraction = 0.7, NumberOfThreads = 1, Seed = seed,
            }).Append(ml.BinaryClassification.Calibrators.Platt(Label))),
        LightGbm("light-gbm-31-leaves", leaves: 31, iterations: 100, learningRate: 0.1, seed),
        LightGbm("light-gbm-16-leaves", leaves: 16, iterations: 300, learningRate: 0.03, seed),
        LightGbm("light-gbm-8-leaves", leaves: 8, iterations: 300, learningRate: 0.03, seed),
        LightGbm("light-gbm-8-leaves-ff", leaves: 8, iterations: 300, learningRate: 0.03, seed, featureFraction: 0.8),
        LightGbm("light-gbm-8-leaves-ff-min-40", leaves: 8, iterations: 300, learningRate: 0.03, seed, featureFraction: 0.8, minLeaf: 40),
        LightGbm("light-gbm-6-leaves-ff", leaves: 6, iterations: 400, learningRate: 0.03, seed, featureFraction: 0.8),
    ];

    private static Candidate FastTree(string name, int leaves, int trees, double learningRate, int seed, double featureFraction = 1) =>
        new(name, "FastTree", Params(("trees", $"{trees}"), ("leaves", $"{leaves}"), ("learningRate", $"{learningRate}"), ("minLeaf", "10"),
                ("featureFraction", $"{featureFraction}")),
            ml => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, NumberOfTrees = trees, NumberOfLeaves = leaves,
                LearningRate = learningRate, MinimumExampleCountPerLeaf = 10, FeatureFraction = featureFraction, NumberOfThreads = 1, Seed = seed,
            }));

    private static Candidate LightGbm(string name, int leaves, int iterations, double learningRate, int seed, double featureFraction = 1, int minLeaf = 20) =>
        new(name, "LightGbm", Params(("iterations", $"{iterations}"), ("leaves", $"{leaves}"), ("learningRate", $"{learningRate}"), ("minLeaf", $"{minLeaf}"),
                ("featureFraction", $"{featureFraction}")),
            ml => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, NumberOfIterations = iterations, NumberOfLeaves = leaves,
                LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeaf, NumberOfThreads = 1, Seed = seed,
                Booster = new GradientBooster.Options { FeatureFraction = featureFraction },
            }));

    private static IReadOnlyDictionary<string, string> Params(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
