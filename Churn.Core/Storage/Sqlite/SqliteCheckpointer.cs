using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// Moves WAL checkpoints off the write path. The store's writer runs with <c>wal_autocheckpoint = 0</c>; this runs
/// <c>PRAGMA wal_checkpoint(PASSIVE)</c> on a connection of its own every <see cref="SqliteStoreOptions.CheckpointInterval"/>:
/// committed pages are copied into the database file and it is fsynced on this thread, while the writer keeps appending
/// to the WAL (SQLite allows both at once). Otherwise every ~1,000 pages a commit of the scoring worker would do that
/// copy and fsync itself (docs/performance.md §10, §15). SQLite starts the WAL from its beginning again only when a write
/// transaction begins with every frame already checkpointed, which a writer that never pauses does not give it: so when
/// the WAL has passed <see cref="SqliteStoreOptions.MaxWalPages"/> frames, this takes the store's write lock for a
/// <c>RESTART</c> checkpoint — little left to copy by then, the writer waits for that only — and the file stays
/// bounded. A failed checkpoint is counted and tried again at the next tick; writes go on.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly int _maxWalPages;
    private readonly Lock _writeLock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _checkpoints;
    private long _restarts;
    private long _failures;

    public SqliteCheckpointer(string filePath, TimeSpan interval, int maxWalPages, Lock writeLock)
    {
        (_maxWalPages, _writeLock) = (maxWalPages, writeLock);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA busy_timeout = {SqlitePredictionStore.BusyTimeoutMs};";
            command.ExecuteNonQuery();
        }
        _loop = Task.Run(() => LoopAsync(interval));
    }

    public long Checkpoints => Interlocked.Read(ref _checkpoints);
    public long Restarts => Interlocked.Read(ref _restarts);
    public long Failures => Interlocked.Read(ref _failures);

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                CheckpointOnce();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void CheckpointOnce()
    {
        try
        {
            var (_, log) = Checkpoint("PASSIVE");
            Interlocked.Increment(ref _checkpoints);
            if (log > _maxWalPages)
            {
                using (_writeLock.EnterScope())
                {
                    if (!Checkpoint("RESTART").Busy)
                    {
                        Interlocked.Increment(ref _restarts);
                    }
                }
            }
        }
        catch (SqliteException)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    /// <summary>One checkpoint: whether another connection's checkpoint or a reader kept it from finishing, and the WAL's length in frames.</summary>
    private (bool Busy, long Log) Checkpoint(string mode)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _stop.Dispose();
        _connection.Dispose();
    }
}
