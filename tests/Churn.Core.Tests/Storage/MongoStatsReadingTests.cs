using Churn.MongoDB;
using MongoDB.Bson;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

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

    [Fact]
    public void The_current_risk_total_reads_into_the_customers_figures_and_an_empty_collection_into_zeros()
    {
        var total = BsonDocument.Parse("""{ "_id": null, "customers": 5, "sum": 2.15, "contactable": 2, "contactableSum": 1.45 }""");

        Assert.Equal(new Churn.Domain.Predictions.CurrentRisk(5, 2.15, 0.4, 2, 1.45), MongoPredictionStore.ReadCurrentRisk(total, 0.4));
        Assert.Equal(new Churn.Domain.Predictions.CurrentRisk(0, 0, 0.4, 0, 0), MongoPredictionStore.ReadCurrentRisk(null, 0.4));
    }
}
