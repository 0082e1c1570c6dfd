using Churn.Core.Storage;
using Churn.Domain.Challenger;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// The challenger's shadow predictions: collection <see cref="ShadowPredictionsCollection"/> in the same database,
/// conditional upserts by <c>{eventId, modelVersion}</c> (unordered, write concern majority); the comparison's window
/// is read newest first through the <c>modelVersion_scoredAt</c> index and joined with <c>predictions</c> by event id.
/// </summary>
public sealed partial class MongoPredictionStore : IShadowPredictionStore
{
    public const string ShadowPredictionsCollection = "shadowPredictions";

    private static readonly BsonDocument ShadowNewestFirst = new() { { "scoredAt", -1 }, { "_id.eventId", -1 } };

    private IMongoCollection<BsonDocument>? _shadow;

    private IMongoCollection<BsonDocument> Shadow =>
        _shadow ??= _predictions.Database.GetCollection<BsonDocument>(ShadowPredictionsCollection).WithWriteConcern(Majority);

    public async Task UpsertShadowAsync(IReadOnlyList<ShadowPrediction> predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Shadow.BulkWriteAsync(predictions.Select(MongoShadowDocuments.Upsert), UnorderedBulk, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<long> CountShadowAsync(string challengerVersion, CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await Shadow.CountDocumentsAsync(new BsonDocument("modelVersion", challengerVersion), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ShadowPair>> GetShadowPairsAsync(string challengerVersion, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var shadows = await Shadow.Find(new BsonDocument("modelVersion", challengerVersion)).Sort(ShadowNewestFirst).Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (shadows.Count == 0)
        {
            return [];
        }
        var ids = new BsonArray(shadows.Select(s => s["_id"]["eventId"]));
        var champions = (await _predictions.Find(new BsonDocument("_id", new BsonDocument("$in", ids)))
                .Project(new BsonDocument { { "modelVersion", 1 }, { "churnProbability", 1 }, { "predictedChurn", 1 }, { "customer.churn", 1 } })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d["_id"].AsString);
        var pairs = new List<ShadowPair>(shadows.Count);
        foreach (var s in shadows)
        {
            var eventId = s["_id"]["eventId"].AsString;
            if (!champions.TryGetValue(eventId, out var p))
            {
                continue;
            }
            pairs.Add(new ShadowPair(eventId, p["modelVersion"].AsString, p["churnProbability"].ToDouble(), p["predictedChurn"].AsBoolean,
                s["churnProbability"].ToDouble(), s["predictedChurn"].AsBoolean, Label(p) ?? Label(s),
                new DateTimeOffset(DateTime.SpecifyKind(s["scoredAt"].ToUniversalTime(), DateTimeKind.Utc))));
        }
        return pairs;
    }

    private static bool? Label(BsonDocument d) =>
        d.TryGetValue("customer", out var customer) && customer.AsBsonDocument.TryGetValue("churn", out var churn) && !churn.IsBsonNull
            ? churn.AsBoolean
            : d.TryGetValue("actualChurn", out var actual) && !actual.IsBsonNull ? actual.AsBoolean : null;

    private async Task CreateShadowIndexesAsync(CancellationToken cancellationToken) =>
        await Shadow.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
                new BsonDocument { { "modelVersion", 1 }, { "scoredAt", -1 }, { "_id.eventId", -1 } },
                new CreateIndexOptions { Name = "modelVersion_scoredAt" }), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
}
