using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Core.Tests.Storage;

/// <summary>Predictions and model cards for the store tests, timestamps at millisecond precision (what stores keep).</summary>
internal static class PredictionFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 30, TimeSpan.Zero);

    public static Prediction Prediction(string eventId, string state = "CA", double probability = 0.4,
        DateTimeOffset? scoredAt = null, bool? actual = null, string? customerId = null, double threshold = 0.5) => new()
    {
        EventId = eventId,
        CustomerId = customerId ?? $"customer-{eventId}",
        Source = "csv:churn-bigml-20.csv",
        Customer = Customer(state, actual),
        ChurnProbability = probability,
        PredictedChurn = probability >= threshold,
        RiskBand = RiskBands.For(probability, threshold),
        ModelVersion = "2026.01.01-abc",
        OccurredAt = (scoredAt ?? Now).AddMilliseconds(-250),
        IngestedAt = (scoredAt ?? Now).AddMilliseconds(-120),
        ScoredAt = scoredAt ?? Now,
    };

    /// <summary>
    /// The stats fixture (threshold 0.5, now = 12:00:30): seven predictions in three states, six of them labelled,
    /// two of them more than ten minutes old.
    /// </summary>
    public static IReadOnlyList<Prediction> StatsFixture() =>
    [
        Prediction("e1", "CA", 0.95, Now.AddSeconds(-10), actual: true),
        Prediction("e2", "CA", 0.82, Now.AddSeconds(-20), actual: false),
        Prediction("e3", "CA", 0.35, Now.AddSeconds(-70), actual: true),
        Prediction("e4", "TX", 0.05, Now.AddSeconds(-80), actual: false),
        Prediction("e5", "TX", 0.55, Now.AddSeconds(-130), actual: null),
        Prediction("e6", "NY", 0.12, Now.AddHours(-2), actual: false),
        Prediction("e7", "NY", 1.00, Now.AddMinutes(-30), actual: true),
    ];

    public static CustomerRecord Customer(string state = "CA", bool? churn = null) => new()
    {
        State = state, AccountLength = 128, AreaCode = 415, InternationalPlan = false, VoiceMailPlan = true,
        NumberVmailMessages = 25, TotalDayMinutes = 265.1, TotalDayCalls = 110, TotalDayCharge = 45.07,
        TotalEveMinutes = 197.4, TotalEveCalls = 99, TotalEveCharge = 16.78, TotalNightMinutes = 244.7,
        TotalNightCalls = 91, TotalNightCharge = 11.01, TotalIntlMinutes = 10, TotalIntlCalls = 3,
        TotalIntlCharge = 2.7, CustomerServiceCalls = 1, Churn = churn,
    };

    public static ModelCard Card(string version, DateTimeOffset created, double threshold = 0.42) => new()
    {
        Version = version,
        Created = created,
        Algorithm = "FastTree",
        Hyperparameters = new Dictionary<string, string> { ["trees"] = "100" },
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
                Candidate = "fasttree", Algorithm = "FastTree", Hyperparameters = new Dictionary<string, string>(),
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
        Onnx = new OnnxSignature("Features", "Probability", 2),
        FeatureNames = ["TotalDayMinutes", "CustomerServiceCalls"],
        FeatureStatistics = new Dictionary<string, FeatureStatistics>
        {
            ["TotalDayMinutes"] = new() { Kind = "numeric", Min = 0, Max = 350.8, Mean = 179.5, StdDev = 54.2, Median = 179.4 },
            ["State"] = new() { Kind = "categorical", Categories = new Dictionary<string, double> { ["CA"] = 0.01 } },
        },
        TrainingSeconds = 12.5,
    };
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
