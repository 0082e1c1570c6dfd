using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

public sealed partial class SqlitePredictionStore
{
    /// <summary>
    /// Row <c>p</c> is its customer's latest prediction: no row of the same customer was scored later (or at the same
    /// millisecond and written after it, as <see cref="GetCustomerHistoryAsync"/> orders them). One probe of the customer
    /// index per row.
    /// </summary>
    private const string IsLatest = """
        NOT EXISTS (SELECT 1 FROM predictions q WHERE q.customer_id = p.customer_id
            AND (q.scored_at > p.scored_at OR (q.scored_at = p.scored_at AND q.rowid > p.rowid)))
        """;

    /// <summary>Walks the probability index from the top, skips superseded predictions, stops at the limit.</summary>
    private const string HighestCurrentSql = $"""
        SELECT {SqliteSchema.Columns} FROM predictions p INDEXED BY ix_predictions_probability_cover
        WHERE p.probability > $above AND {IsLatest}
        ORDER BY p.probability DESC, p.rowid DESC LIMIT $limit
        """;

    /// <summary>One pass over the table with a probe of the customer index per row (measured: docs/performance.md §14).</summary>
    private const string CurrentRiskSql = $"""
        SELECT count(*), total(probability), count(*) FILTER (WHERE probability > $above),
            total(probability) FILTER (WHERE probability > $above)
        FROM predictions p WHERE {IsLatest}
        """;

    public async Task<IReadOnlyList<Prediction>> GetHighestCurrentAsync(double above, int limit, CancellationToken cancellationToken)
    {
        var capped = PredictionQueries.CampaignLimit(limit);
        using var activity = StartActivity("rank current predictions", "select");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = HighestCurrentSql;
        command.Parameters.AddWithValue("$above", above);
        command.Parameters.AddWithValue("$limit", capped);
        return await SqlitePredictionRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs inside <see cref="GetStatsAsync"/>'s read transaction, so it describes the same snapshot.</summary>
    private static async Task<CurrentRisk> ReadCurrentRiskAsync(SqliteCommand command, double above, CancellationToken cancellationToken)
    {
        command.CommandText = CurrentRiskSql;
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$above", above);
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await row.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new CurrentRisk(row.GetInt64(0), row.GetDouble(1), above, row.GetInt64(2), row.GetDouble(3));
    }
}
