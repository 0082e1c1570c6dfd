using Churn.Core.Storage;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Driver;

namespace Churn.MongoDB;

public sealed partial class MongoPredictionStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly JsonWriterSettings RelaxedJson = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    public async Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var document = await _predictions.Find(new BsonDocument("_id", eventId)).FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return document is null ? null : MongoPredictionDocuments.ToPrediction(document);
    }

    /// <summary>
    /// The page and the total as two index-backed commands, run concurrently (a <c>$facet</c> would sort in memory,
    /// since its sub-pipelines cannot use indexes).
    /// </summary>
    public async Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken)
    {
        var (page, pageSize) = PredictionQueries.Paging(query);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = Where(query);
        var total = _predictions.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var items = _predictions.Find(filter).Sort(OrderBy(query.Sort))
            .Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Limit(pageSize).ToListAsync(cancellationToken);
        await Task.WhenAll(total, items).ConfigureAwait(false);
        return new PredictionPage([.. items.Result.Select(MongoPredictionDocuments.ToPrediction)], total.Result, page, pageSize);
    }

    public async Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var capped = PredictionQueries.HistoryLimit(limit);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var documents = await _predictions.Find(new BsonDocument("customerId", customerId))
            .Sort(OrderBy(PredictionSort.ScoredAtDesc)).Limit(capped).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(MongoPredictionDocuments.ToPrediction)];
    }

    public async Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var cardDocument = BsonDocument.Parse(ModelCardJson.Serialize(card));
        var update = new BsonDocument
        {
            { "$set", new BsonDocument { { "created", new BsonDateTime(card.Created.UtcDateTime) }, { "card", cardDocument } } },
            { "$setOnInsert", new BsonDocument("registeredAt", new BsonDateTime(_time.GetUtcNow().UtcDateTime)) },
        };
        await _models.UpdateOneAsync(new BsonDocument("_id", card.Version), update, new UpdateOptions { IsUpsert = true },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registered model cards, newest (by <see cref="ModelCard.Created"/>) first.</summary>
    public async Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var documents = await _models.Find(FilterDefinition<BsonDocument>.Empty)
            .Sort(new BsonDocument { { "created", -1 }, { "_id", -1 } }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(d => ModelCardJson.Deserialize(d["card"].AsBsonDocument.ToJson(RelaxedJson)))];
    }

    internal static FilterDefinition<BsonDocument> Where(PredictionQuery query)
    {
        var clauses = new List<FilterDefinition<BsonDocument>>();
        if (query.State is { } state) clauses.Add(Filter.Eq("state", state));
        if (query.RiskBand is { } band) clauses.Add(Filter.Eq("riskBand", band.ToString()));
        if (query.PredictedChurn is { } churn) clauses.Add(Filter.Eq("predictedChurn", churn));
        if (query.MinProbability is { } min) clauses.Add(Filter.Gte("churnProbability", min));
        if (query.CustomerId is { } customer) clauses.Add(Filter.Eq("customerId", customer));
        if (query.From is { } from) clauses.Add(Filter.Gte("scoredAt", new BsonDateTime(from.UtcDateTime)));
        if (query.To is { } to) clauses.Add(Filter.Lt("scoredAt", new BsonDateTime(to.UtcDateTime)));
        return clauses.Count == 0 ? FilterDefinition<BsonDocument>.Empty : Filter.And(clauses);
    }

    /// <summary>The sort, with <c>_id</c> breaking ties so pages never overlap.</summary>
    internal static BsonDocument OrderBy(PredictionSort sort) => sort switch
    {
        PredictionSort.ScoredAtDesc => new BsonDocument { { "scoredAt", -1 }, { "_id", -1 } },
        PredictionSort.ScoredAtAsc => new BsonDocument { { "scoredAt", 1 }, { "_id", 1 } },
        PredictionSort.ProbabilityDesc => new BsonDocument { { "churnProbability", -1 }, { "_id", -1 } },
        PredictionSort.ProbabilityAsc => new BsonDocument { { "churnProbability", 1 }, { "_id", 1 } },
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };
}
