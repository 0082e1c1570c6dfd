using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// Does most of the WAL checkpointing off the write path: every <see cref="SqliteStoreOptions.CheckpointInterval"/> a
/// connection of its own runs <c>PRAGMA wal_checkpoint(PASSIVE)</c>, copying committed pages into the database file
/// and fsyncing it on this thread while the writer keeps appending to the WAL (SQLite allows both at once). The writer
/// keeps SQLite's automatic checkpoint (every 1,000 pages, inside a commit), which then finds little left to copy and
/// sync, and which is what starts the WAL from its beginning again — SQLite does that only when a write transaction
/// begins with every frame checkpointed, which a writer that never pauses gives no background connection. When the
/// stream pauses between batches this pass alone empties the WAL, so the writer's commits checkpoint nothing
/// (docs/performance.md §16). A failed pass is counted and tried again at the next tick; writes go on.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _checkpoints;
    private long _failures;

    public SqliteCheckpointer(string filePath, TimeSpan interval)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        _connection.Open();
        _loop = Task.Run(() => LoopAsync(interval));
    }

    public long Checkpoints => Interlocked.Read(ref _checkpoints);
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

    /// <summary>
    /// One pass. PASSIVE never waits for the writer or readers, and when the writer's own checkpoint is running it
    /// returns at once (busy); either way the next tick tries again.
    /// </summary>
    private void CheckpointOnce()
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        _stop.Dispose();
        _connection.Dispose();
    }
}
