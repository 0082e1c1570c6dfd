using Churn.Domain.DeadLetters;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// Explicit BSON mapping of a recorded dead letter: <c>_id</c> is its position in the dead-letter topic
/// (<c>{topic, partition, offset}</c>, in that order, so sorting on <c>_id</c> sorts by them), the time a BSON date,
/// the source fields omitted when unknown.
/// </summary>
internal static class MongoDeadLetterDocuments
{
    /// <summary>Inserts the dead letter unless one with its <c>_id</c> is stored (a replay): the first one stays as it was.</summary>
    public static UpdateOneModel<BsonDocument> InsertOnce(DeadLetter letter)
    {
        var document = ToDocument(letter);
        var id = document["_id"];
        document.Remove("_id");
        return new UpdateOneModel<BsonDocument>(new BsonDocument("_id", id), new BsonDocument("$setOnInsert", document))
        {
            IsUpsert = true,
        };
    }

    public static BsonDocument ToDocument(DeadLetter d)
    {
        var document = new BsonDocument
        {
            { "_id", new BsonDocument { { "topic", d.Topic }, { "partition", d.Partition }, { "offset", d.Offset } } },
            { "reasonKind", d.ReasonKind },
            { "reason", d.Reason },
            { "key", d.Key },
            { "excerpt", d.Excerpt },
            { "valueBytes", d.ValueBytes },
            { "envelope", d.Envelope },
            { "deadLetteredAt", new BsonDateTime(d.DeadLetteredAt.UtcDateTime) },
        };
        if (d.SourceTopic is { } topic) document.Add("sourceTopic", topic);
        if (d.SourcePartition is { } partition) document.Add("sourcePartition", partition);
        if (d.SourceOffset is { } offset) document.Add("sourceOffset", offset);
        if (d.Origin is { } origin) document.Add("origin", origin);
        return document;
    }

    public static DeadLetter ToDeadLetter(BsonDocument d)
    {
        var id = d["_id"].AsBsonDocument;
        return new DeadLetter
        {
            Topic = id["topic"].AsString,
            Partition = id["partition"].ToInt32(),
            Offset = id["offset"].ToInt64(),
            ReasonKind = d["reasonKind"].AsString,
            Reason = d["reason"].AsString,
            SourceTopic = d.TryGetValue("sourceTopic", out var topic) ? topic.AsString : null,
            SourcePartition = d.TryGetValue("sourcePartition", out var partition) ? partition.ToInt32() : null,
            SourceOffset = d.TryGetValue("sourceOffset", out var offset) ? offset.ToInt64() : null,
            Origin = d.TryGetValue("origin", out var origin) ? origin.AsString : null,
            Key = d["key"].AsString,
            Excerpt = d["excerpt"].AsString,
            ValueBytes = d["valueBytes"].ToInt32(),
            Envelope = d["envelope"].AsBoolean,
            DeadLetteredAt = new DateTimeOffset(DateTime.SpecifyKind(d["deadLetteredAt"].ToUniversalTime(), DateTimeKind.Utc)),
        };
    }
}
