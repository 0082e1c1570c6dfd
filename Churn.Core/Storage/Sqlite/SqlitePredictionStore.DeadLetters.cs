using Churn.Domain.Api;
using Churn.Domain.DeadLetters;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>The dead letters: table <c>dead_letters</c> of the same file, written on the same connection and lock.</summary>
public sealed partial class SqlitePredictionStore : IDeadLetterStore
{
    private const string DeadLetterColumns = """
        dlq_topic, dlq_partition, dlq_offset, reason_kind, reason, source_topic, source_partition, source_offset, origin,
        record_key, excerpt, value_bytes, envelope, dead_lettered_at
        """;

    private const string NewestFirst = "dead_lettered_at DESC, dlq_topic DESC, dlq_partition DESC, dlq_offset DESC";

    public async Task RecordDeadLettersAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        if (deadLetters.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        using var activity = StartActivity("insert dead_letters", "insert");
        activity?.SetTag("db.collection.name", "dead_letters");
        activity?.SetTag("db.operation.batch.size", deadLetters.Count);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer!.BeginTransaction();
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO dead_letters ({DeadLetterColumns})
                VALUES ($topic, $partition, $offset, $kind, $reason, $source_topic, $source_partition, $source_offset,
                    $origin, $key, $excerpt, $value_bytes, $envelope, $at)
                ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING
                """;
            foreach (var letter in deadLetters)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$topic", letter.Topic);
                insert.Parameters.AddWithValue("$partition", letter.Partition);
                insert.Parameters.AddWithValue("$offset", letter.Offset);
                insert.Parameters.AddWithValue("$kind", letter.ReasonKind);
                insert.Parameters.AddWithValue("$reason", letter.Reason);
                insert.Parameters.AddWithValue("$source_topic", (object?)letter.SourceTopic ?? DBNull.Value);
                insert.Parameters.AddWithValue("$source_partition", (object?)letter.SourcePartition ?? DBNull.Value);
                insert.Parameters.AddWithValue("$source_offset", (object?)letter.SourceOffset ?? DBNull.Value);
                insert.Parameters.AddWithValue("$origin", (object?)letter.Origin ?? DBNull.Value);
                insert.Parameters.AddWithValue("$key", letter.Key);
                insert.Parameters.AddWithValue("$excerpt", letter.Excerpt);
                insert.Parameters.AddWithValue("$value_bytes", letter.ValueBytes);
                insert.Parameters.AddWithValue("$envelope", letter.Envelope ? 1 : 0);
                insert.Parameters.AddWithValue("$at", letter.DeadLetteredAt.ToUnixTimeMilliseconds());
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public async Task<DeadLetterPage> QueryDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var (page, pageSize) = DeadLetterQueries.Paging(query);
        using var activity = StartActivity("query dead_letters", "select");
        activity?.SetTag("db.collection.name", "dead_letters");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason_kind, count(*) FROM dead_letters GROUP BY reason_kind";
        var counts = new List<ReasonKindCount>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts.Add(new ReasonKindCount(reader.GetString(0), reader.GetInt64(1)));
            }
        }
        command.CommandText = $"SELECT {DeadLetterColumns} FROM dead_letters ORDER BY {NewestFirst} LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", (long)(page - 1) * pageSize);
        var items = new List<DeadLetter>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadDeadLetter(reader));
            }
        }
        return new DeadLetterPage(items, counts.Sum(c => c.Count), page, pageSize, DeadLetterQueries.Ordered(counts));
    }

    private static DeadLetter ReadDeadLetter(SqliteDataReader row) => new()
    {
        Topic = row.GetString(0),
        Partition = row.GetInt32(1),
        Offset = row.GetInt64(2),
        ReasonKind = row.GetString(3),
        Reason = row.GetString(4),
        SourceTopic = row.IsDBNull(5) ? null : row.GetString(5),
        SourcePartition = row.IsDBNull(6) ? null : row.GetInt32(6),
        SourceOffset = row.IsDBNull(7) ? null : row.GetInt64(7),
        Origin = row.IsDBNull(8) ? null : row.GetString(8),
        Key = row.GetString(9),
        Excerpt = row.GetString(10),
        ValueBytes = row.GetInt32(11),
        Envelope = row.GetInt64(12) != 0,
        DeadLetteredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(13)),
    };
}
