using Churn.Benchmarks.Setup;
using Churn.Domain.Predictions;

namespace Churn.Benchmarks.Store;

/// <summary>Predictions as the worker stores them: distinct jittered customers, 5,000 customer ids, one model version.</summary>
public static class StorePredictions
{
    public static Prediction[] Create(int count, int seed = 23)
    {
        var customers = JitteredCustomers.Create(count, seed);
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        return customers.Select((customer, i) =>
        {
            var probability = random.NextDouble();
            return new Prediction
            {
                EventId = $"bench-{i}",
                CustomerId = $"customer-{i % 5000}",
                Source = "bench",
                Customer = customer,
                ChurnProbability = probability,
                PredictedChurn = probability >= 0.5,
                RiskBand = RiskBands.For(probability, 0.5),
                ModelVersion = "bench-model",
                OccurredAt = now.AddMilliseconds(i),
                IngestedAt = now.AddMilliseconds(i + 1),
                ScoredAt = now.AddMilliseconds(i + 2),
            };
        }).ToArray();
    }
}
