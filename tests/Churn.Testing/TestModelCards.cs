using Churn.Domain.Features;
using Churn.Domain.Models;

namespace Churn.Testing;

/// <summary>Model cards for tests that do not need the Trainer's real card (<see cref="TrainedModel.CardAsync"/>).</summary>
public static class TestModelCards
{
    /// <summary>
    /// A card with every section filled (leaderboard, hold-out metrics and ROC, numeric and categorical feature statistics),
    /// so a store's round trip is checked field by field, and with <see cref="ChurnFeatures"/>' order and the
    /// <paramref name="input"/>/<paramref name="output"/> signature, so a fixture ONNX graph can be served with it.
    /// </summary>
    public static ModelCard Card(string version, DateTimeOffset? created = null, double threshold = 0.5, int? featureCount = null,
        string input = "Features", string output = "Probability.output") => new()
    {
        Version = version,
        Created = created ?? DateTimeOffset.UnixEpoch,
        Algorithm = "fixture-logistic",
        Hyperparameters = new Dictionary<string, string> { ["bias"] = "-7" },
        Threshold = threshold,
        ThresholdRule = "max F1 on out-of-fold predictions",
        SelectionRule = "best mean AUC-PR",
        Seed = 42,
        TrainingData = new DataDescription("churn-bigml-80.csv", "ab12", 2666, 388),
        TestData = new DataDescription("churn-bigml-20.csv", "cd34", 667, 95),
        Leaderboard =
        [
            new LeaderboardEntry
            {
                Candidate = "fixture-logistic", Algorithm = "fixture-logistic", Hyperparameters = new Dictionary<string, string>(),
                Auc = new(0.91, 0.01), AucPr = new(0.8, 0.02), F1 = new(0.75, 0.03), Accuracy = new(0.95, 0.01),
                LogLoss = new(0.2, 0.01), Seconds = 1.5, Selected = true,
            },
        ],
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.92, AucPr = 0.81, Accuracy = 0.95, Precision = 0.9, Recall = 0.7, F1 = 0.79, LogLoss = 0.18,
            ConfusionMatrix = new ConfusionMatrix(66, 7, 29, 565),
            Roc = [new RocPoint(1, 0, 0), new RocPoint(0.5, 0.01, 0.7), new RocPoint(0, 1, 1)],
        },
        OnnxParity = new OnnxParity(1e-6, 667, 1e-5),
        Onnx = new OnnxSignature(input, output, featureCount ?? ChurnFeatures.Count),
        FeatureNames = ChurnFeatures.Names,
        FeatureStatistics = new Dictionary<string, FeatureStatistics>
        {
            ["TotalDayMinutes"] = new() { Kind = "numeric", Min = 0, Max = 350.8, Mean = 179.5, StdDev = 54.2, Median = 179.4 },
            ["State"] = new() { Kind = "categorical", Categories = new Dictionary<string, double> { ["CA"] = 0.01 } },
        },
        TrainingSeconds = 12.5,
    };
}
