using System.Diagnostics;
using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The embedded <see cref="IPredictionStore"/>: one SQLite file in WAL mode. One dedicated write connection, guarded by
/// a lock, upserts each batch in one transaction with a prepared statement; queries use pooled read-only connections,
/// which WAL lets run concurrently with the writer (each sees the last committed snapshot). Several processes may write
/// the same file (the AppHost's scoring replicas): their transactions take turns on SQLite's write lock, waited for by
/// SQLite's busy handler (<see cref="BusyTimeoutMs"/>). The same file holds the recorded dead letters
/// (<see cref="IDeadLetterStore"/>, table <c>dead_letters</c>).
/// </summary>
public sealed partial class SqlitePredictionStore : IPredictionStore, IDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _writeConnectionString;
    private readonly string _readConnectionString;
    private readonly StoreInitialization _initialization;
    private readonly QueryTotals _totals;
    private readonly Lock _writeLock = new();
    private SqliteConnection? _writer;
    private SqliteUpsertStatement? _upsert;
    private SqliteCheckpointer? _checkpointer;
    private bool _disposed;

    /// <summary>
    /// How long a write waits inside SQLite for another writer's transaction to finish (<c>PRAGMA busy_timeout</c>).
    /// Without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so every collision between two
    /// writers cost at least 150 ms (measured: docs/performance.md §8); SQLite's handler retries within milliseconds.
    /// </summary>
    public const int BusyTimeoutMs = 5000;

    /// <summary>What the WAL file is cut back to after SQLite starts it over (<c>journal_size_limit</c>), so a burst's WAL does not stay on disk.</summary>
    private const long WalSizeLimitBytes = 64L * 1024 * 1024;

    public SqlitePredictionStore(SqliteStoreOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        FilePath = System.IO.Path.GetFullPath(options.Path);
        _writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString();
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true,
        }.ToString();
        _initialization = new StoreInitialization(_ => { Open(); return Task.CompletedTask; });
        _totals = new QueryTotals(_time, options.TotalsMaxAge);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        using var activity = StartActivity("upsert predictions", "upsert");
        activity?.SetTag("db.operation.batch.size", predictions.Count);
        try
        {
            lock (_writeLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                using var transaction = _writer!.BeginTransaction();
                foreach (var prediction in predictions)
                {
                    _upsert!.Execute(prediction);
                }
                transaction.Commit();
                _totals.Written();
            }
        }
        catch (Exception ex)
        {
            activity?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>A trivial query on a read connection (health check).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'predictions'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) == 1;
    }

    public void Dispose()
    {
        // First the background checkpointer, so its pass cannot keep the final TRUNCATE checkpoint from finishing.
        Interlocked.Exchange(ref _checkpointer, null)?.Dispose();
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _upsert?.Dispose();
            if (_writer is not null)
            {
                Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
                _writer.Dispose();
            }
            using var reader = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(reader);
        }
    }

    private void Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(FilePath)!);
        var writer = new SqliteConnection(_writeConnectionString);
        writer.Open();
        Execute(writer, $"""
            PRAGMA busy_timeout = {BusyTimeoutMs};
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(_options.SyncEveryCommit ? "FULL" : "NORMAL")};
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -32768;
            PRAGMA wal_autocheckpoint = 1000;
            PRAGMA journal_size_limit = {WalSizeLimitBytes};
            """);
        Execute(writer, SqliteSchema.Create);
        Upgrade(writer, SqliteSchema.LacksReasons, SqliteSchema.AddReasons);
        Upgrade(writer, SqliteSchema.HasCustomerDocument, SqliteSchema.TypeCustomerColumns);
        Execute(writer, SqliteSchema.CreateDeadLetters);
        Execute(writer, SqliteShadowSchema.Create); // the challenger's shadow predictions (SqlitePredictionStore.Shadow.cs)
        var upsert = new SqliteUpsertStatement(writer);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            (_writer, _upsert) = (writer, upsert);
            _checkpointer = _options.CheckpointInterval > TimeSpan.Zero
                ? new SqliteCheckpointer(FilePath, _options.CheckpointInterval)
                : null;
        }
    }

    /// <summary>The background checkpointer, once the store is open and when <see cref="SqliteStoreOptions.CheckpointInterval"/> is set.</summary>
    internal SqliteCheckpointer? Checkpointer => _checkpointer;

    /// <summary>
    /// Brings a file written by an earlier build up to date, so a store opened on it still works: the check and the
    /// change run in one write transaction, so another process opening the same file at the same moment waits, then
    /// finds nothing left to do. <paramref name="needed"/> counts what is still to change (0 when nothing is).
    /// </summary>
    private static void Upgrade(SqliteConnection writer, string needed, string change)
    {
        using var transaction = writer.BeginTransaction(deferred: false);
        using var check = writer.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = needed;
        if (Convert.ToInt64(check.ExecuteScalar()) > 0)
        {
            using var alter = writer.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = change;
            alter.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private Activity? StartActivity(string name, string operation)
    {
        var activity = SqliteTelemetry.Source.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "sqlite");
            activity.SetTag("db.namespace", System.IO.Path.GetFileName(FilePath));
            activity.SetTag("db.collection.name", "predictions");
            activity.SetTag("db.operation.name", operation);
        }
        return activity;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
