using Churn.Domain.Predictions;

namespace Churn.Core.Storage.Sqlite;

public sealed partial class SqlitePredictionStore
{
    /// <summary>One pass over the table: counts per (state, histogram bin, band, predicted, actual), folded in C#.</summary>
    private const string CubeSql = """
        SELECT state, min(max(CAST(probability * $bins AS INTEGER), 0), $bins - 1), risk_band, predicted_churn, actual_churn,
            count(*), sum(probability)
        FROM predictions GROUP BY 1, 2, 3, 4, 5
        """;

    /// <summary>The window's throughput through the scored_at index.</summary>
    private const string ThroughputSql = """
        SELECT (scored_at - $start) / $bucket AS slot, count(*) FROM predictions
        WHERE scored_at >= $start AND scored_at < $end GROUP BY slot
        """;

    /// <summary>The three queries run in one read transaction, so every number describes the same snapshot.</summary>
    public async Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var window = PredictionQueries.Window(query, _time.GetUtcNow());
        using var activity = StartActivity("stats predictions", "select");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        command.CommandText = CubeSql;
        command.Parameters.AddWithValue("$bins", query.HistogramBins);
        var stats = new StatsAccumulator(query.HistogramBins);
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stats.Add(row.GetString(0), row.GetInt32(1), SqlitePredictionRows.ParseBand(row.GetString(2)),
                    row.GetInt64(3) != 0, row.IsDBNull(4) ? null : row.GetInt64(4) != 0, row.GetInt64(5), row.GetDouble(6));
            }
        }

        command.CommandText = ThroughputSql;
        command.Parameters.AddWithValue("$start", window.StartMs);
        command.Parameters.AddWithValue("$end", window.EndMs);
        command.Parameters.AddWithValue("$bucket", window.BucketMs);
        var slots = new Dictionary<long, long>();
        await using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                slots[row.GetInt64(0)] = row.GetInt64(1);
            }
        }
        var current = await ReadCurrentRiskAsync(command, query.ContactAbove, cancellationToken).ConfigureAwait(false);
        return stats.ToStats(window.Series(slots)) with { Current = current };
    }
}
