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

/// <summary>Folding the stats aggregation's result (the shape the server returns), without a server.</summary>
public sealed class MongoStatsReadingTests
{
    [Fact]
    public void The_cube_and_throughput_facets_fold_into_the_stats()
    {
        var window = Churn.Core.Storage.PredictionQueries.Window(
            new Churn.Domain.Predictions.StatsQuery { Bucket = TimeSpan.FromMinutes(1), Window = TimeSpan.FromMinutes(3) }, Now);
        var result = BsonDocument.Parse("""
            { "cube": [
                { "_id": { "state": "CA", "bin": 9, "band": "High", "predicted": true, "actual": true }, "n": 2, "p": 1.9 },
                { "_id": { "state": "CA", "bin": 1, "band": "Low", "predicted": false }, "n": 1, "p": 0.1 },
                { "_id": { "state": "TX", "bin": 4, "band": "Medium", "predicted": false, "actual": true }, "n": 1, "p": 0.4 } ],
              "throughput": [ { "_id": 2, "n": 3, "p": 0 } ] }
            """);

        var stats = MongoPredictionStore.Read(result, 10, window);

        Assert.Equal((4L, 2L), (stats.Total, stats.PredictedChurn));
        Assert.Equal([3L, 1], stats.ByState.Select(s => s.Total));
        Assert.Equal(2.0 / 3, stats.ByState[0].MeanProbability, 12);
        Assert.Equal([0L, 1, 0, 0, 1, 0, 0, 0, 0, 2], stats.ProbabilityHistogram);
        Assert.Equal(new Churn.Domain.Predictions.LabelledOutcomes(2, 0, 1, 0), stats.Labelled);
        Assert.Equal([0L, 0, 3], stats.Throughput.Select(t => t.Count));
    }
}
