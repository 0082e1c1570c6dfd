using Churn.Api.Serving;
using Churn.Api.Tests.Doubles;
using Churn.Core.Pipeline;

namespace Churn.Web.Tests;

/// <summary>
/// Until the embedded pipeline is wired into the Api: publishing a customer scores it with the serving model and
/// stores the prediction, as the pipeline would (same store, same feed, same model).
/// </summary>
public sealed class ScoreAndStoreIngest(IPredictionStore store, SwitchableServingModel model) : ICustomerIngest
{
    private int sequence;

    public async Task<IReadOnlyList<string>> PublishAsync(IReadOnlyList<IdentifiedCustomer> customers, CancellationToken cancellationToken)
    {
        var scorer = model.Current ?? throw new InvalidOperationException("no model");
        var probabilities = new float[customers.Count];
        scorer.Score([.. customers.Select(c => c.Customer)], probabilities);
        var now = DateTimeOffset.UtcNow;
        var predictions = customers.Select((c, i) => new Prediction
        {
            EventId = $"web-test-{Interlocked.Increment(ref sequence):D6}", CustomerId = c.CustomerId, Source = "api",
            Customer = c.Customer, ChurnProbability = probabilities[i], PredictedChurn = probabilities[i] >= scorer.Card.Threshold,
            RiskBand = RiskBands.For(probabilities[i], scorer.Card.Threshold), ModelVersion = scorer.Card.Version,
            OccurredAt = now, IngestedAt = now, ScoredAt = now,
        }).ToList();
        await store.UpsertAsync(predictions, cancellationToken);
        return [.. predictions.Select(p => p.EventId)];
    }

    public Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
