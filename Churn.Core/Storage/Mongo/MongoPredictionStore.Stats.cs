using Churn.Core.Pipeline;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.Core.Storage.Mongo;

public sealed partial class MongoPredictionStore
{
    private static readonly BsonDocument CountOne = new("$sum", 1);
    private static readonly BsonDocument CountChurn = new("$sum", new BsonDocument("$cond", new BsonArray { "$predictedChurn", 1, 0 }));

    /// <summary>One aggregation: a <c>$facet</c> per figure, so every number describes the same pass over the data.</summary>
    public async Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var window = PredictionQueries.Window(query, _time.GetUtcNow());
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var pipeline = new[] { new BsonDocument("$facet", Facets(query.HistogramBins, window)) };
        var result = await _predictions.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken)
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        return Read(result, query.HistogramBins, window);
    }

    internal static BsonDocument Facets(int bins, ThroughputWindow window)
    {
        var start = new BsonDateTime(window.StartMs);
        var binIndex = new BsonDocument("$min", new BsonArray
        {
            new BsonDocument("$max", new BsonArray
            {
                new BsonDocument("$toInt", new BsonDocument("$trunc", new BsonDocument("$multiply", new BsonArray { "$churnProbability", bins }))),
                0,
            }),
            bins - 1,
        });
        var slot = new BsonDocument("$toLong", new BsonDocument("$floor", new BsonDocument("$divide", new BsonArray
        {
            new BsonDocument("$subtract", new BsonArray { "$scoredAt", start }), window.BucketMs,
        })));
        return new BsonDocument
        {
            { "totals", Group(BsonNull.Value, ("churn", CountChurn)) },
            { "bands", Group("$riskBand") },
            { "states", Group("$state", ("churn", CountChurn), ("mean", new BsonDocument("$avg", "$churnProbability")))
                .Add(new BsonDocument("$sort", new BsonDocument { { "n", -1 }, { "_id", 1 } })) },
            { "histogram", Group(binIndex) },
            { "throughput", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("scoredAt", new BsonDocument
                    {
                        { "$gte", start }, { "$lt", new BsonDateTime(window.EndMs) },
                    })),
                }.AddRange(Group(slot)) },
            { "labelled", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("actualChurn", new BsonDocument("$type", "bool"))),
                }.AddRange(Group(new BsonDocument { { "predicted", "$predictedChurn" }, { "actual", "$actualChurn" } })) },
        };
    }

    private static BsonArray Group(BsonValue key, params (string Name, BsonDocument Accumulator)[] accumulators)
    {
        var group = new BsonDocument { { "_id", key }, { "n", CountOne } };
        foreach (var (name, accumulator) in accumulators)
        {
            group.Add(name, accumulator);
        }
        return [new BsonDocument("$group", group)];
    }

    internal static PredictionStats Read(BsonDocument result, int bins, ThroughputWindow window)
    {
        var totals = result["totals"].AsBsonArray.Select(t => t.AsBsonDocument).FirstOrDefault();
        var bands = Enum.GetValues<RiskBand>().ToDictionary(b => b, _ => 0L);
        foreach (var band in result["bands"].AsBsonArray.Select(b => b.AsBsonDocument))
        {
            bands[Enum.Parse<RiskBand>(band["_id"].AsString)] = band["n"].ToInt64();
        }
        var histogram = new long[bins];
        foreach (var bin in result["histogram"].AsBsonArray.Select(b => b.AsBsonDocument))
        {
            histogram[bin["_id"].ToInt32()] = bin["n"].ToInt64();
        }
        var slots = result["throughput"].AsBsonArray.Select(s => s.AsBsonDocument)
            .ToDictionary(s => s["_id"].ToInt64(), s => s["n"].ToInt64());
        long Outcome(bool predicted, bool actual) => result["labelled"].AsBsonArray.Select(l => l.AsBsonDocument)
            .Where(l => l["_id"]["predicted"].AsBoolean == predicted && l["_id"]["actual"].AsBoolean == actual)
            .Sum(l => l["n"].ToInt64());
        return new PredictionStats
        {
            Total = totals?["n"].ToInt64() ?? 0,
            PredictedChurn = totals?["churn"].ToInt64() ?? 0,
            ByRiskBand = bands,
            ByState = [.. result["states"].AsBsonArray.Select(s => s.AsBsonDocument).Select(s => new StateStats(
                s["_id"].AsString, s["n"].ToInt64(), s["churn"].ToInt64(), s["mean"].ToDouble()))],
            ProbabilityHistogram = histogram,
            Throughput = window.Series(slots),
            Labelled = new LabelledOutcomes(Outcome(true, true), Outcome(true, false), Outcome(false, true), Outcome(false, false)),
        };
    }
}
