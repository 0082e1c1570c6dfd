using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Core.Tests.Storage;

/// <summary>Predictions for the store tests, timestamps at millisecond precision (what stores keep).</summary>
internal static class PredictionFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 30, TimeSpan.Zero);

    public static Prediction Prediction(string eventId, string state = "CA", double probability = 0.4,
        DateTimeOffset? scoredAt = null, bool? actual = null, string? customerId = null, double threshold = 0.5,
        PredictionReasons? reasons = null) => new()
    {
        EventId = eventId,
        CustomerId = customerId ?? $"customer-{eventId}",
        Source = "csv:churn-bigml-20.csv",
        // A voice-mail subscriber, so both values of each plan flag round-trip.
        Customer = TestCustomers.Typical(state: state, churn: actual) with { AccountLength = 128, VoiceMailPlan = true, NumberVmailMessages = 25 },
        ChurnProbability = probability,
        PredictedChurn = probability >= threshold,
        RiskBand = RiskBands.For(probability, threshold),
        ModelVersion = "2026.01.01-abc",
        OccurredAt = (scoredAt ?? Now).AddMilliseconds(-250),
        IngestedAt = (scoredAt ?? Now).AddMilliseconds(-120),
        ScoredAt = scoredAt ?? Now,
        Reasons = reasons,
    };

    /// <summary>Reason codes as the worker computes them (values of the fixture customer's features).</summary>
    public static PredictionReasons StoredReasons(double score = -1.234567) => new()
    {
        Method = "tree-path", BaseScore = -3.912345, Score = score,
        Top = [new("CustomerServiceCalls", 4, 1.875), new("TotalCharge", 62.29, -0.40625), new("VoiceMailPlan", 1, -0.031)],
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
}
