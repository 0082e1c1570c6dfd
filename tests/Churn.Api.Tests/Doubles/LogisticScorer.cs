using Churn.Core.Customers;
using Churn.Core.Models;
using Churn.Core.Scoring;

namespace Churn.Api.Tests.Doubles;

/// <summary>
/// A deterministic IChurnScorer for Api tests: a fixed logistic function of service calls, day minutes and the
/// international plan, so tests can predict probabilities and the direction of each feature's effect.
/// </summary>
public sealed class LogisticScorer(string version = "test-1", DateTimeOffset? created = null) : IChurnScorer
{
    public int Calls;
    public int RowsScored;

    public ModelCard Card { get; } = TestCards.Create(version, created ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static double Probability(CustomerRecord c) =>
        1 / (1 + Math.Exp(-(-6 + 0.9 * c.CustomerServiceCalls + 0.015 * c.TotalDayMinutes + (c.InternationalPlan ? 2 : 0))));

    public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
    {
        Interlocked.Increment(ref Calls);
        Interlocked.Add(ref RowsScored, customers.Length);
        for (var i = 0; i < customers.Length; i++) probabilities[i] = (float)Probability(customers[i]);
    }
}

public static class TestCards
{
    public static ModelCard Create(string version, DateTimeOffset created) => new()
    {
        Version = version, Created = created, Algorithm = "Logistic (test double)",
        Hyperparameters = new Dictionary<string, string>(), Threshold = 0.5, ThresholdRule = "fixed", SelectionRule = "test", Seed = 1,
        TrainingData = new DataDescription("train.csv", "00", 2666, 388), TestData = new DataDescription("test.csv", "00", 667, 97),
        Leaderboard =
        [
            new LeaderboardEntry
            {
                Candidate = "logistic", Algorithm = "Logistic", Hyperparameters = new Dictionary<string, string>(),
                Auc = new(0.8, 0.01), AucPr = new(0.5, 0.02), F1 = new(0.4, 0.02), Accuracy = new(0.86, 0.01), LogLoss = new(0.3, 0.01),
                Seconds = 1, Selected = true,
            },
        ],
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.8, AucPr = 0.5, Accuracy = 0.86, Precision = 0.6, Recall = 0.3, F1 = 0.4, LogLoss = 0.3,
            ConfusionMatrix = new ConfusionMatrix(29, 19, 68, 551),
            Roc = [new RocPoint(1, 0, 0), new RocPoint(0.5, 0.03, 0.3), new RocPoint(0, 1, 1)],
        },
        OnnxParity = new OnnxParity(0, 667, 1e-5), Onnx = new OnnxSignature("features", "probability", 17),
        FeatureNames = ["InternationalPlan"],
        FeatureStatistics = new Dictionary<string, FeatureStatistics>
        {
            ["State"] = Categorical(("WV", 0.03), ("KS", 0.02)),
            ["AreaCode"] = Categorical(("415", 0.5), ("408", 0.25), ("510", 0.25)),
            ["InternationalPlan"] = Categorical(("no", 0.9), ("yes", 0.1)),
            ["VoiceMailPlan"] = Categorical(("no", 0.72), ("yes", 0.28)),
            ["AccountLength"] = Numeric(1, 243, 101), ["NumberVmailMessages"] = Numeric(0, 51, 0),
            ["TotalDayMinutes"] = Numeric(0, 351, 179.4), ["TotalDayCalls"] = Numeric(0, 165, 101), ["TotalDayCharge"] = Numeric(0, 59.6, 30.5),
            ["TotalEveMinutes"] = Numeric(0, 363, 201.4), ["TotalEveCalls"] = Numeric(0, 170, 100), ["TotalEveCharge"] = Numeric(0, 30.9, 17.1),
            ["TotalNightMinutes"] = Numeric(43, 395, 201.2), ["TotalNightCalls"] = Numeric(33, 175, 100), ["TotalNightCharge"] = Numeric(1.9, 17.8, 9.05),
            ["TotalIntlMinutes"] = Numeric(0, 20, 10.3), ["TotalIntlCalls"] = Numeric(0, 20, 4), ["TotalIntlCharge"] = Numeric(0, 5.4, 2.78),
            ["CustomerServiceCalls"] = Numeric(0, 9, 1),
        },
        TrainingSeconds = 1,
    };

    private static FeatureStatistics Numeric(double min, double max, double median) =>
        new() { Kind = "numeric", Min = min, Max = max, Median = median, Mean = median, StdDev = (max - min) / 4 };

    private static FeatureStatistics Categorical(params (string Level, double Share)[] levels) =>
        new() { Kind = "categorical", Categories = levels.ToDictionary(l => l.Level, l => l.Share) };
}
