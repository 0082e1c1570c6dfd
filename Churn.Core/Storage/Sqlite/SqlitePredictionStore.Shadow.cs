using Churn.Domain.Challenger;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The challenger's shadow predictions: table <c>shadow_predictions</c> of the same file (<see cref="SqliteShadowSchema"/>),
/// written on the same connection and lock as the predictions, in one transaction per batch.
/// </summary>
public sealed partial class SqlitePredictionStore : IShadowPredictionStore
{
    public async Task UpsertShadowAsync(IReadOnlyList<ShadowPrediction> predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        using var activity = StartActivity("upsert shadow_predictions", "upsert");
        activity?.SetTag("db.collection.name", "shadow_predictions");
        activity?.SetTag("db.operation.batch.size", predictions.Count);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer!.BeginTransaction();
            using var upsert = _writer.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = SqliteShadowSchema.Upsert;
            var p = upsert.Parameters;
            foreach (var name in (string[])["$event_id", "$model_version", "$customer_id", "$champion_version", "$probability",
                "$predicted_churn", "$actual_churn", "$occurred_at", "$scored_at"])
            {
                p.Add(new SqliteParameter { ParameterName = name });
            }
            upsert.Prepare();
            foreach (var s in predictions)
            {
                p[0].Value = s.EventId;
                p[1].Value = s.ModelVersion;
                p[2].Value = s.CustomerId;
                p[3].Value = s.ChampionVersion;
                p[4].Value = s.ChurnProbability;
                p[5].Value = s.PredictedChurn ? 1 : 0;
                p[6].Value = s.ActualChurn is { } actual ? (actual ? 1 : 0) : DBNull.Value;
                p[7].Value = s.OccurredAt.ToUnixTimeMilliseconds();
                p[8].Value = s.ScoredAt.ToUnixTimeMilliseconds();
                upsert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public async Task<long> CountShadowAsync(string challengerVersion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM shadow_predictions WHERE model_version = $version";
        command.Parameters.AddWithValue("$version", challengerVersion);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ShadowPair>> GetShadowPairsAsync(string challengerVersion, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var activity = StartActivity("query shadow_predictions", "select");
        activity?.SetTag("db.collection.name", "shadow_predictions");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteShadowSchema.Pairs;
        command.Parameters.AddWithValue("$version", challengerVersion);
        command.Parameters.AddWithValue("$limit", limit);
        var pairs = new List<ShadowPair>();
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pairs.Add(new ShadowPair(row.GetString(0), row.GetString(1), row.GetDouble(2), row.GetInt64(3) != 0,
                row.GetDouble(4), row.GetInt64(5) != 0, row.IsDBNull(6) ? null : row.GetInt64(6) != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(7))));
        }
        return pairs;
    }
}
