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
    /// Zero (default): SQLite's automatic checkpoint, inside a commit every 1,000 pages. Positive: how often a background
    /// connection checkpoints the WAL into the database file instead (<see cref="SqliteCheckpointer"/>), so that commits
    /// rarely do — for replays and backfills: at max rate 35–38k instead of 26–29k predictions/s, but over a long steady
    /// stream the WAL restarts stall the writer longer (p99 at 5,000/s over 450,000 events 25 ms instead of 12 ms;
    /// docs/performance.md §15). A WAL of up to ~3 × <see cref="MaxWalPages"/> pages on disk.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; }

    /// <summary>
    /// WAL frames (4 KiB pages) past which the background checkpoint holds the writer for a moment to start the WAL from its
    /// beginning again; also the size the WAL file is cut back to when it does (<c>journal_size_limit</c>). At a sustained
    /// 35,000 predictions/s the file's high-water mark was about three times this (docs/performance.md §15).
    /// </summary>
    [Range(1000, int.MaxValue)]
    public int MaxWalPages { get; set; } = 10_000;
}
