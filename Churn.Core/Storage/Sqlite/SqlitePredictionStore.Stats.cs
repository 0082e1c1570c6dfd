using Churn.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

public sealed partial class SqlitePredictionStore
{
    private const string TotalsSql = """
        SELECT count(*), coalesce(sum(predicted_churn), 0),
            coalesce(sum(risk_band = 'Low'), 0), coalesce(sum(risk_band = 'Medium'), 0), coalesce(sum(risk_band = 'High'), 0),
            coalesce(sum(actual_churn = 1 AND predicted_churn = 1), 0), coalesce(sum(actual_churn = 0 AND predicted_churn = 1), 0),
            coalesce(sum(actual_churn = 1 AND predicted_churn = 0), 0), coalesce(sum(actual_churn = 0 AND predicted_churn = 0), 0)
        FROM predictions
        """;

    private const string ByStateSql = """
        SELECT state, count(*), sum(predicted_churn), avg(probability) FROM predictions
        GROUP BY state ORDER BY count(*) DESC, state
        """;

    private const string HistogramSql = """
        SELECT min(max(CAST(probability * $bins AS INTEGER), 0), $bins - 1) AS bin, count(*) FROM predictions GROUP BY bin
        """;

    private const string ThroughputSql = """
        SELECT (scored_at - $start) / $bucket AS slot, count(*) FROM predictions
        WHERE scored_at >= $start AND scored_at < $end GROUP BY slot
        """;

    /// <summary>All numbers come from one read transaction, so they describe the same snapshot.</summary>
    public async Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var window = PredictionQueries.Window(query, _time.GetUtcNow());
        using var activity = StartActivity("stats predictions", "select");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        command.CommandText = TotalsSql;
        long[] totals = new long[9];
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await row.ReadAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] = row.GetInt64(i);
            }
        }

        command.CommandText = ByStateSql;
        var byState = new List<StateStats>();
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byState.Add(new StateStats(row.GetString(0), row.GetInt64(1), row.GetInt64(2), row.GetDouble(3)));
            }
        }

        command.CommandText = HistogramSql;
        command.Parameters.AddWithValue("$bins", query.HistogramBins);
        var histogram = new long[query.HistogramBins];
        foreach (var (bin, count) in await ReadPairsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            histogram[bin] = count;
        }

        command.CommandText = ThroughputSql;
        command.Parameters.AddWithValue("$start", window.StartMs);
        command.Parameters.AddWithValue("$end", window.EndMs);
        command.Parameters.AddWithValue("$bucket", window.BucketMs);
        var throughput = window.Series(await ReadPairsAsync(command, cancellationToken).ConfigureAwait(false));

        return new PredictionStats
        {
            Total = totals[0],
            PredictedChurn = totals[1],
            ByRiskBand = new Dictionary<RiskBand, long>
            {
                [RiskBand.Low] = totals[2], [RiskBand.Medium] = totals[3], [RiskBand.High] = totals[4],
            },
            ByState = byState,
            ProbabilityHistogram = histogram,
            Throughput = throughput,
            Labelled = new LabelledOutcomes(totals[5], totals[6], totals[7], totals[8]),
        };
    }

    private static async Task<Dictionary<long, long>> ReadPairsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<long, long>();
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pairs[row.GetInt64(0)] = row.GetInt64(1);
        }
        return pairs;
    }
}
