using Churn.Domain.Challenger;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// Explicit BSON mapping of a shadow prediction: <c>_id = {eventId, modelVersion}</c>, timestamps as BSON dates,
/// <c>actualChurn</c> omitted when the label is unknown.
/// </summary>
internal static class MongoShadowDocuments
{
    public static BsonDocument Id(string eventId, string modelVersion) =>
        new() { { "eventId", eventId }, { "modelVersion", modelVersion } };

    /// <summary>An upsert by <c>_id</c> that keeps the stored document when it was scored later than this one.</summary>
    public static UpdateOneModel<BsonDocument> Upsert(ShadowPrediction s)
    {
        var document = ToDocument(s);
        var keepNewer = new BsonDocument("$replaceWith", new BsonDocument("$cond", new BsonDocument
        {
            { "if", new BsonDocument("$gt", new BsonArray { "$scoredAt", document["scoredAt"] }) },
            { "then", "$$ROOT" },
            { "else", new BsonDocument("$literal", document) },
        }));
        return new UpdateOneModel<BsonDocument>(new BsonDocument("_id", document["_id"]),
            new PipelineUpdateDefinition<BsonDocument>(new[] { keepNewer })) { IsUpsert = true };
    }

    public static BsonDocument ToDocument(ShadowPrediction s)
    {
        var document = new BsonDocument
        {
            { "_id", Id(s.EventId, s.ModelVersion) },
            { "modelVersion", s.ModelVersion },
            { "customerId", s.CustomerId },
            { "championVersion", s.ChampionVersion },
            { "churnProbability", s.ChurnProbability },
            { "predictedChurn", s.PredictedChurn },
            { "occurredAt", new BsonDateTime(s.OccurredAt.UtcDateTime) },
            { "scoredAt", new BsonDateTime(s.ScoredAt.UtcDateTime) },
        };
        if (s.ActualChurn is { } actual)
        {
            document.Add("actualChurn", actual);
        }
        return document;
    }
}
