using Churn.Domain.DeadLetters;
using Churn.MongoDB;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Churn.Core.Tests.Storage;

/// <summary>The MongoDB dead-letter document, without a server: its position as the <c>_id</c>, a BSON date, inserted once.</summary>
public sealed class MongoDeadLetterDocumentsTests
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonSerializer.LookupSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void A_dead_letter_round_trips_with_its_position_as_a_compound_id_in_topic_partition_offset_order()
    {
        var letter = DeadLetterStoreContract.Letter(42, partition: 3) with { Origin = "csv:x.csv:2", Envelope = true };

        var document = MongoDeadLetterDocuments.ToDocument(letter);

        Assert.Equal(["topic", "partition", "offset"], document["_id"].AsBsonDocument.Names);
        Assert.Equal(new BsonDocument { { "topic", "churn.customers.dlq" }, { "partition", 3 }, { "offset", 42L } }, document["_id"]);
        Assert.Equal(BsonType.DateTime, document["deadLetteredAt"].BsonType);
        Assert.Equal(letter, MongoDeadLetterDocuments.ToDeadLetter(BsonDocument.Parse(document.ToJson())));
    }

    [Fact]
    public void Unknown_source_fields_are_left_out_and_read_back_as_null()
    {
        var letter = DeadLetterStoreContract.Letter(1) with { SourceTopic = null, SourcePartition = null, SourceOffset = null };

        var document = MongoDeadLetterDocuments.ToDocument(letter);

        Assert.False(document.Contains("sourceTopic") || document.Contains("sourcePartition") || document.Contains("sourceOffset") || document.Contains("origin"));
        Assert.Equal(letter, MongoDeadLetterDocuments.ToDeadLetter(document));
    }

    [Fact]
    public void The_write_inserts_only_when_no_dead_letter_has_that_position()
    {
        var letter = DeadLetterStoreContract.Letter(5);

        var write = MongoDeadLetterDocuments.InsertOnce(letter);

        Assert.True(write.IsUpsert);
        Assert.Equal(new BsonDocument("_id", MongoDeadLetterDocuments.ToDocument(letter)["_id"]), write.Filter.Render(Args));
        var update = write.Update.Render(Args).AsBsonDocument;
        Assert.Equal(["$setOnInsert"], update.Names);
        Assert.False(update["$setOnInsert"].AsBsonDocument.Contains("_id"));
        Assert.Equal("deserialization failed", update["$setOnInsert"]["reasonKind"].AsString);
    }
}
