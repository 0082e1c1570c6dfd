using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Storage.Sqlite;

/// <summary>The embedded prediction store (configuration section <c>Churn:Sqlite</c>).</summary>
public sealed record SqliteStoreOptions
{
    public const string SectionName = "Churn:Sqlite";

    /// <summary>The database file; a relative path is resolved against the host's content root.</summary>
    [Required]
    public string Path { get; set; } = "data/churn.db";

    /// <summary>
    /// False (default): WAL with <c>synchronous=NORMAL</c>: a commit survives a crash of the process, and the file is
    /// never corrupted, but a power loss may roll back the last commits before the next checkpoint. True:
    /// <c>synchronous=FULL</c>, every commit is fsynced (slower).
    /// </summary>
    public bool SyncEveryCommit { get; set; }

    /// <summary>
    /// How long the total of a prediction query (its count per filter) may be reused while no write of this store came in
    /// between; when another process writes the file, the most a page's total lags behind it. Zero counts every query.
    /// </summary>
    public TimeSpan TotalsMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a background connection checkpoints the WAL into the database file (<see cref="SqliteCheckpointer"/>), so
    /// that the copy and fsync rarely happen inside a commit of the scoring worker: at 5,000 predictions/s p99 after the
    /// first second 7–8 ms instead of 9–11 ms, and at max rate commits mostly find the WAL already copied
    /// (docs/performance.md §16). Zero: only SQLite's automatic checkpoint, inside a commit every 1,000 pages.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}
