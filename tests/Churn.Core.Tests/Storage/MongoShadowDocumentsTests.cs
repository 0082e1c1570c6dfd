using Churn.MongoDB;
using MongoDB.Bson;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>The shadow prediction's MongoDB document, without a server: its key, the fields the index and the join name.</summary>
public sealed class MongoShadowDocumentsTests
{
    [Fact]
    public void A_shadow_prediction_is_keyed_by_event_and_challenger_version_with_the_fields_the_index_and_the_join_read()
    {
        var shadow = ShadowPredictionStoreContract.Shadow("csv-abc-17", "fast-tree-8-leaves-ff-64558fb26ef8", 0.73,
            Now.AddMinutes(-1), actual: true);

        var document = MongoShadowDocuments.ToDocument(shadow);

        Assert.Equal(new BsonDocument { { "eventId", "csv-abc-17" }, { "modelVersion", "fast-tree-8-leaves-ff-64558fb26ef8" } },
            document["_id"]);
        Assert.Equal("fast-tree-8-leaves-ff-64558fb26ef8", document["modelVersion"].AsString);
        Assert.Equal(BsonType.DateTime, document["scoredAt"].BsonType);
        Assert.Equal((0.73, true, true), (document["churnProbability"].AsDouble, document["predictedChurn"].AsBoolean,
            document["actualChurn"].AsBoolean));
        Assert.False(MongoShadowDocuments.ToDocument(shadow with { ActualChurn = null }).Contains("actualChurn"));
        Assert.True(MongoShadowDocuments.Upsert(shadow).IsUpsert);
    }
}
