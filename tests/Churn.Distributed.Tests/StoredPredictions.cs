using Microsoft.Data.Sqlite;

namespace Churn.Distributed.Tests;

/// <summary>
/// What the scoring processes wrote into the shared SQLite file, read the way the Api reads it: a read-only connection
/// of another process, through WAL. An observer only — it never writes.
/// </summary>
public sealed class StoredPredictions(string databasePath)
{
    public sealed record Row(string EventId, double Probability, DateTimeOffset ScoredAt, string ModelVersion);

    public async Task<long> CountAsync()
    {
        if (!File.Exists(databasePath))
        {
            return 0;
        }
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'predictions'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync()) == 0)
        {
            return 0;
        }
        command.CommandText = "SELECT count(*) FROM predictions";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<IReadOnlyList<Row>> AllAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, probability, scored_at, model_version FROM predictions";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3)));
        }
        return rows;
    }

    /// <summary>The challenger's shadow predictions of <paramref name="version"/> (table <c>shadow_predictions</c>).</summary>
    public async Task<long> ShadowCountAsync(string version)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM shadow_predictions WHERE model_version = $version";
        command.Parameters.AddWithValue("$version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
