using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>The predictions the query and stats tests seed into the store, with their known probabilities.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Probabilities of the seeded (already stored) predictions: a fixed logistic function of service calls, day minutes
    /// and the international plan, so the query tests know every value and every risk band occurs. Live scoring in these
    /// tests is the real model's.
    /// </summary>
    public static double SeedProbability(CustomerRecord c) =>
        1 / (1 + Math.Exp(-(-6 + 0.9 * c.CustomerServiceCalls + 0.015 * c.TotalDayMinutes + (c.InternationalPlan ? 2 : 0))));

    public const string SeedModelVersion = "seed-model";

    public static Prediction Prediction(string eventId, string customerId, CustomerRecord customer, DateTimeOffset scoredAt)
    {
        var p = SeedProbability(customer);
        return new Prediction
        {
            EventId = eventId, CustomerId = customerId, Source = "test", Customer = customer, ChurnProbability = p,
            PredictedChurn = p >= 0.5, RiskBand = RiskBands.For(p, 0.5), ModelVersion = SeedModelVersion,
            OccurredAt = scoredAt.AddSeconds(-1), IngestedAt = scoredAt.AddMilliseconds(-500), ScoredAt = scoredAt,
        };
    }

    /// <summary>40 predictions: states KS/OH/NY/TX, service calls 0..9 (so every risk band), labels on even rows.</summary>
    public static IReadOnlyList<Prediction> Seed() =>
    [
        .. Enumerable.Range(0, 40).Select(i => Prediction($"seed-{i:D3}", $"cust-{i % 8}",
            TestCustomers.Typical(serviceCalls: i % 10, state: new[] { "KS", "OH", "NY", "TX" }[i % 4], churn: i % 2 == 0 ? i % 10 >= 5 : null),
            Start.AddMinutes(i))),
    ];
}
