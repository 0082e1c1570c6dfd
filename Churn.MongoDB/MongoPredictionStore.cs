using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// The MongoDB <see cref="IPredictionStore"/>: collection <c>predictions</c> keyed by <c>_id = eventId</c>, written with
/// unordered bulk conditional upserts (a prediction scored later is never replaced by one scored earlier) at write
/// concern majority with a 10 s write-concern timeout, <c>models</c> keyed by version, and the recorded dead letters
/// (<see cref="IDeadLetterStore"/>, collection <c>deadLetters</c>) and the challenger's shadow predictions
/// (<see cref="IShadowPredictionStore"/>, collection <c>shadowPredictions</c>). Indexes follow the API's
/// queries (equality, sort, range) and are created once at start. Traced by the driver's own source
/// (<see cref="MongoTelemetry.ActivitySourceName"/>).
/// </summary>
public sealed partial class MongoPredictionStore : IPredictionStore
{
    public const string PredictionsCollection = "predictions";
    public const string ModelsCollection = "models";

    private static readonly BulkWriteOptions UnorderedBulk = new() { IsOrdered = false };

    /// <summary>Majority, and an answer within 10 s even when the majority is gone (then an outage, retried).</summary>
    private static readonly WriteConcern Majority = WriteConcern.WMajority.With(wTimeout: TimeSpan.FromSeconds(10));

    private readonly IMongoCollection<BsonDocument> _predictions;
    private readonly IMongoCollection<BsonDocument> _models;
    private readonly IMongoCollection<BsonDocument> _deadLetters;
    private readonly TimeProvider _time;
    private readonly StoreInitialization _initialization;

    public MongoPredictionStore(IMongoDatabase database, TimeProvider? time = null)
    {
        _predictions = database.GetCollection<BsonDocument>(PredictionsCollection)
            .WithWriteConcern(Majority);
        _models = database.GetCollection<BsonDocument>(ModelsCollection).WithWriteConcern(Majority);
        _deadLetters = database.GetCollection<BsonDocument>(DeadLettersCollection).WithWriteConcern(Majority);
        _time = time ?? TimeProvider.System;
        _initialization = new StoreInitialization(CreateIndexesAsync);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var writes = new WriteModel<BsonDocument>[predictions.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = MongoPredictionDocuments.Upsert(predictions[i]);
        }
        try
        {
            await _predictions.BulkWriteAsync(writes, UnorderedBulk, cancellationToken).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (MongoWriteErrors.Classify(predictions, ex) is { } rejected)
        {
            throw rejected;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _predictions.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Indexes for the API (ESR: equality, then the sort, <c>_id</c> last so paging is deterministic).</summary>
    private async Task CreateIndexesAsync(CancellationToken cancellationToken)
    {
        CreateIndexModel<BsonDocument> Index(string name, BsonDocument keys) =>
            new(keys, new CreateIndexOptions { Name = name });
        await _predictions.Indexes.CreateManyAsync(
        [
            Index("scoredAt", new BsonDocument { { "scoredAt", -1 }, { "_id", -1 } }),
            Index("churnProbability", new BsonDocument { { "churnProbability", -1 }, { "_id", -1 } }),
            Index("state_scoredAt", new BsonDocument { { "state", 1 }, { "scoredAt", -1 }, { "_id", -1 } }),
            Index("customerId_scoredAt", new BsonDocument { { "customerId", 1 }, { "scoredAt", -1 }, { "_id", -1 } }),
            Index("riskBand_scoredAt", new BsonDocument { { "riskBand", 1 }, { "scoredAt", -1 }, { "_id", -1 } }),
            new(new BsonDocument { { "scoredAt", -1 }, { "_id", -1 } }, new CreateIndexOptions<BsonDocument>
            {
                Name = "labelled_scoredAt", PartialFilterExpression = Labelled,
            }),
        ], cancellationToken).ConfigureAwait(false);
        await _models.Indexes.CreateOneAsync(
            Index("created", new BsonDocument { { "created", -1 }, { "_id", -1 } }), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await _deadLetters.Indexes.CreateOneAsync(Index("deadLetteredAt", NewestFirst), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await CreateShadowIndexesAsync(cancellationToken).ConfigureAwait(false); // MongoPredictionStore.Shadow.cs
    }
}
