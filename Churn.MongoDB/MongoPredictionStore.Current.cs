using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

public sealed partial class MongoPredictionStore
{
    /// <summary>A customer's predictions newest first: the order of the <c>customerId_scoredAt</c> index (and of the history).</summary>
    private static readonly BsonDocument NewestPerCustomer = new() { { "customerId", 1 }, { "scoredAt", -1 }, { "_id", -1 } };

    private static readonly AggregateOptions MayUseDisk = new() { AllowDiskUse = true };

    /// <summary>
    /// Walks the <c>churnProbability</c> index from the top in batches; per batch, one aggregation over the
    /// <c>customerId_scoredAt</c> index finds each of its customers' latest event, and only those predictions are kept.
    /// Stops once the limit is reached, so a campaign reads about as many documents as it returns (plus superseded ones).
    /// </summary>
    public async Task<IReadOnlyList<Prediction>> GetHighestCurrentAsync(double above, int limit, CancellationToken cancellationToken)
    {
        var capped = PredictionQueries.CampaignLimit(limit);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var options = new FindOptions { BatchSize = Math.Clamp(capped + 1, 16, 1000) };
        using var cursor = await _predictions.Find(Filter.Gt("churnProbability", above), options)
            .Sort(OrderBy(PredictionSort.ProbabilityDesc)).ToCursorAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<Prediction>();
        while (found.Count < capped && await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            var batch = cursor.Current.ToList();
            var latest = await LatestEventIdsAsync(batch.Select(d => d["customerId"].AsString).Distinct(StringComparer.Ordinal), cancellationToken)
                .ConfigureAwait(false);
            foreach (var document in batch.Where(d => latest.GetValueOrDefault(d["customerId"].AsString) == d["_id"].AsString))
            {
                found.Add(MongoPredictionDocuments.ToPrediction(document));
                if (found.Count == capped) break;
            }
        }
        return found;
    }

    private async Task<Dictionary<string, string>> LatestEventIdsAsync(IEnumerable<string> customers, CancellationToken cancellationToken)
    {
        BsonDocument[] pipeline =
        [
            new("$match", new BsonDocument("customerId", new BsonDocument("$in", new BsonArray(customers)))),
            new("$sort", NewestPerCustomer),
            new("$group", new BsonDocument { { "_id", "$customerId" }, { "latest", new BsonDocument("$first", "$_id") } }),
        ];
        using var cursor = await _predictions.AggregateAsync<BsonDocument>(pipeline, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rows = await cursor.ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r["_id"].AsString, r => r["latest"].AsString, StringComparer.Ordinal);
    }

    /// <summary>
    /// Each customer's latest probability (the sort is served by the <c>customerId_scoredAt</c> index, so nothing is
    /// sorted in memory), then one total: customers, Σp, and both over the probabilities above <paramref name="above"/>.
    /// </summary>
    internal static BsonDocument[] CurrentRiskPipeline(double above)
    {
        var isContactable = new BsonDocument("$gt", new BsonArray { "$p", above });
        return
        [
            new("$sort", NewestPerCustomer),
            new("$group", new BsonDocument { { "_id", "$customerId" }, { "p", new BsonDocument("$first", "$churnProbability") } }),
            new("$group", new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "customers", new BsonDocument("$sum", 1) },
                { "sum", new BsonDocument("$sum", "$p") },
                { "contactable", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { isContactable, 1, 0 })) },
                { "contactableSum", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { isContactable, "$p", 0 })) },
            }),
        ];
    }

    /// <summary>The pipeline's single result document, or none for an empty collection.</summary>
    internal static CurrentRisk ReadCurrentRisk(BsonDocument? total, double above) => total is null
        ? new CurrentRisk(0, 0, above, 0, 0)
        : new CurrentRisk(total["customers"].ToInt64(), total["sum"].ToDouble(), above, total["contactable"].ToInt64(), total["contactableSum"].ToDouble());

    private async Task<CurrentRisk> GetCurrentRiskAsync(double above, CancellationToken cancellationToken)
    {
        using var cursor = await _predictions.AggregateAsync<BsonDocument>(CurrentRiskPipeline(above), MayUseDisk, cancellationToken)
            .ConfigureAwait(false);
        var total = await cursor.FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return ReadCurrentRisk(total, above);
    }
}
