using Churn.Benchmarks.Setup;
using Churn.Core.Serving;
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

    /// <summary>The same predictions, each with the reasons the model in <paramref name="modelDirectory"/> serves for its customer.</summary>
    public static Prediction[] WithReasons(Prediction[] predictions, string modelDirectory)
    {
        var served = ModelCandidate.LoadServing(modelDirectory, new ModelOptions { Directory = modelDirectory });
        var explainer = served.Explainer ?? throw new InvalidOperationException($"the model has no explainer: {served.ReasonsUnavailable}");
        var reasons = new PredictionReasons?[predictions.Length];
        explainer.Explain([.. predictions.Select(p => p.Customer)], reasons);
        (served.Scorer as IDisposable)?.Dispose();
        return [.. predictions.Select((p, i) => p with { Reasons = reasons[i] })];
    }
}
