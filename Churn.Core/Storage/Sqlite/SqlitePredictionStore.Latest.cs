using Churn.Domain.Predictions;

namespace Churn.Core.Storage.Sqlite;

public sealed partial class SqlitePredictionStore
{
    /// <summary>
    /// Walks <c>ix_predictions_scored_at_cover</c> backwards (or, for labelled ones, the partial index
    /// <c>ix_predictions_labelled_scored_at</c>, which holds only labelled rows) and stops after <paramref name="limit"/> rows.
    /// </summary>
    public async Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken)
    {
        var capped = PredictionQueries.LatestLimit(limit);
        using var activity = StartActivity("latest predictions", "select");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = labelledOnly
            ? $"""
                SELECT {SqliteSchema.Columns} FROM predictions INDEXED BY ix_predictions_labelled_scored_at
                WHERE actual_churn IS NOT NULL ORDER BY scored_at DESC, rowid DESC LIMIT $limit
                """
            : $"""
                SELECT {SqliteSchema.Columns} FROM predictions INDEXED BY ix_predictions_scored_at_cover
                ORDER BY scored_at DESC, rowid DESC LIMIT $limit
                """;
        command.Parameters.AddWithValue("$limit", capped);
        return await SqlitePredictionRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
