using Churn.MongoDB;
using MongoDB.Bson;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>The MongoDB document shape, without a server: string ids, BSON dates, typed fields the indexes name.</summary>
public sealed class MongoPredictionDocumentsTests
{
    [Fact]
    public void A_prediction_round_trips_through_its_document_with_the_event_id_as_a_string_id()
    {
        var prediction = Prediction("csv:abc:17", "TX", 0.73, Now.AddMinutes(-1), actual: true, customerId: "c-9");

        var document = MongoPredictionDocuments.ToDocument(prediction);

        Assert.Equal(BsonType.String, document["_id"].BsonType);
        Assert.Equal("csv:abc:17", document["_id"].AsString);
        Assert.Equal(BsonType.DateTime, document["scoredAt"].BsonType);
        Assert.Equal("High", document["riskBand"].AsString);
        Assert.Equal("TX", document["state"].AsString);
        Assert.True(document["actualChurn"].AsBoolean);
        var reread = MongoPredictionDocuments.ToPrediction(BsonDocument.Parse(document.ToJson()));
        Assert.Equal(prediction, reread);
    }

    [Fact]
    public void The_upsert_keeps_a_stored_prediction_scored_later_and_otherwise_replaces_it_in_one_atomic_update()
    {
        var prediction = Prediction("e1", scoredAt: Now);

        var upsert = MongoPredictionDocuments.Upsert(prediction);

        Assert.True(upsert.IsUpsert);
        Assert.Equal(new BsonDocument("_id", "e1"), upsert.Filter.Render(new(
            global::MongoDB.Bson.Serialization.BsonSerializer.LookupSerializer<BsonDocument>(),
            global::MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry)));
        var stage = Assert.Single(((global::MongoDB.Driver.BsonDocumentStagePipelineDefinition<BsonDocument, BsonDocument>)
            ((global::MongoDB.Driver.PipelineUpdateDefinition<BsonDocument>)upsert.Update).Pipeline).Documents);
        var condition = stage["$replaceWith"]["$cond"];
        Assert.Equal(new BsonArray { "$scoredAt", new BsonDateTime(Now.UtcDateTime) }, condition["if"]["$gt"]);
        Assert.Equal("$$ROOT", condition["then"].AsString);
        Assert.Equal(MongoPredictionDocuments.ToDocument(prediction), condition["else"]["$literal"]);
    }

    [Fact]
    public void Reasons_are_a_subdocument_and_a_prediction_without_them_has_none()
    {
        var explained = Prediction("e1", reasons: StoredReasons());
        var unexplained = Prediction("e2");

        var document = MongoPredictionDocuments.ToDocument(explained);

        var reasons = document["reasons"].AsBsonDocument;
        Assert.Equal(("tree-path", -3.912345, -1.234567), (reasons["method"].AsString, reasons["baseScore"].AsDouble, reasons["score"].AsDouble));
        Assert.Equal(new BsonDocument { { "feature", "CustomerServiceCalls" }, { "value", 4.0 }, { "contribution", 1.875 } },
            reasons["top"].AsBsonArray[0]);
        Assert.Equal(explained, MongoPredictionDocuments.ToPrediction(BsonDocument.Parse(document.ToJson())));
        Assert.False(MongoPredictionDocuments.ToDocument(unexplained).Contains("reasons"));
        Assert.Null(MongoPredictionDocuments.ToPrediction(MongoPredictionDocuments.ToDocument(unexplained)).Reasons);
    }

    [Fact]
    public void An_unknown_label_is_left_out_and_read_back_as_unknown()
    {
        var prediction = Prediction("e1", actual: null);
        var document = MongoPredictionDocuments.ToDocument(prediction);

        Assert.False(document.Contains("actualChurn"));
        Assert.Null(MongoPredictionDocuments.ToPrediction(document).ActualChurn);
    }

    [Fact]
    public void Paging_sorts_break_ties_on_the_id_so_pages_do_not_overlap()
    {
        foreach (var sort in Enum.GetValues<Churn.Domain.Predictions.PredictionSort>())
        {
            Assert.Equal("_id", MongoPredictionStore.OrderBy(sort).Names.Last());
        }
    }
}
