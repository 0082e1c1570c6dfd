using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

public sealed partial class MongoPredictionStore
{
    /// <summary>
    /// One aggregation with two facets: counts per (state, histogram bin, band, predicted, actual), folded in C# exactly
    /// as the SQLite store folds them, and the window's throughput per bucket; beside it, concurrently, the customers'
    /// current risk (<see cref="CurrentRiskPipeline"/>: a facet could not use the index its sort needs).
    /// </summary>
    public async Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var window = PredictionQueries.Window(query, _time.GetUtcNow());
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pipeline = new[] { new BsonDocument("$facet", Facets(query.HistogramBins, window)) };
        var cube = FirstResultAsync(pipeline, cancellationToken);
        var current = GetCurrentRiskAsync(query.ContactAbove, cancellationToken);
        await Task.WhenAll(cube, current).ConfigureAwait(false);
        return Read(cube.Result, query.HistogramBins, window) with { Current = current.Result };
    }

    private async Task<BsonDocument> FirstResultAsync(BsonDocument[] pipeline, CancellationToken cancellationToken)
    {
        using var cursor = await _predictions.AggregateAsync<BsonDocument>(pipeline, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await cursor.FirstAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static BsonDocument Facets(int bins, ThroughputWindow window)
    {
        var start = new BsonDateTime(window.StartMs);
        var bin = new BsonDocument("$min", new BsonArray
        {
            new BsonDocument("$max", new BsonArray
            {
                new BsonDocument("$toInt", new BsonDocument("$trunc",
                    new BsonDocument("$multiply", new BsonArray { "$churnProbability", bins }))),
                0,
            }),
            bins - 1,
        });
        var cubeKey = new BsonDocument
        {
            { "state", "$state" }, { "bin", bin }, { "band", "$riskBand" },
            { "predicted", "$predictedChurn" }, { "actual", "$actualChurn" },
        };
        var slot = new BsonDocument("$toLong", new BsonDocument("$floor", new BsonDocument("$divide", new BsonArray
        {
            new BsonDocument("$subtract", new BsonArray { "$scoredAt", start }), window.BucketMs,
        })));
        return new BsonDocument
        {
            { "cube", new BsonArray { Group(cubeKey, new BsonDocument("$sum", "$churnProbability")) } },
            { "throughput", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("scoredAt", new BsonDocument
                    {
                        { "$gte", start }, { "$lt", new BsonDateTime(window.EndMs) },
                    })),
                    Group(slot, new BsonDocument("$sum", 0)),
                } },
        };
    }

    private static BsonDocument Group(BsonValue key, BsonDocument probabilitySum) => new("$group", new BsonDocument
    {
        { "_id", key }, { "n", new BsonDocument("$sum", 1) }, { "p", probabilitySum },
    });

    internal static PredictionStats Read(BsonDocument result, int bins, ThroughputWindow window)
    {
        var stats = new StatsAccumulator(bins);
        foreach (var cell in result["cube"].AsBsonArray.Select(c => c.AsBsonDocument))
        {
            var key = cell["_id"].AsBsonDocument;
            bool? actual = key.TryGetValue("actual", out var a) && a.IsBoolean ? a.AsBoolean : null;
            stats.Add(key["state"].AsString, key["bin"].ToInt32(), Enum.Parse<RiskBand>(key["band"].AsString),
                key["predicted"].AsBoolean, actual, cell["n"].ToInt64(), cell["p"].ToDouble());
        }
        var slots = result["throughput"].AsBsonArray.Select(s => s.AsBsonDocument)
            .ToDictionary(s => s["_id"].ToInt64(), s => s["n"].ToInt64());
        return stats.ToStats(window.Series(slots));
    }
}
