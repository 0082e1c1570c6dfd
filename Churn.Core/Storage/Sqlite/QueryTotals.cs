using System.Collections.Concurrent;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The totals of recent prediction queries by filter, so paging through a filter, or many readers asking for the same one,
/// does not count it again (a band or churn filter's count walks a whole covering index: 3–4 ms over 100,000 predictions).
/// A total is reused only while this store has not written since it was counted — exact when the writer is this process
/// (the embedded default) — and for at most <see cref="SqliteStoreOptions.TotalsMaxAge"/>, the most a page's total can lag
/// when another process writes the file (the Scoring service in the distributed topology).
/// </summary>
internal sealed class QueryTotals(TimeProvider time, TimeSpan maxAge)
{
    /// <summary>Distinct filters remembered before the cache starts again (the Web's filters give a few hundred).</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _writes;

    /// <summary>Read before counting, passed to <see cref="Remember"/>: a write in between makes the count already stale.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public void Written() => Interlocked.Increment(ref _writes);

    public bool TryGet(string filter, out long total)
    {
        if (maxAge > TimeSpan.Zero && _entries.TryGetValue(filter, out var entry) && entry.Writes == Writes
            && time.GetUtcNow() - entry.CountedAt < maxAge)
        {
            total = entry.Total;
            return true;
        }
        total = 0;
        return false;
    }

    public void Remember(string filter, long total, long writesBefore, DateTimeOffset countedAt)
    {
        if (maxAge <= TimeSpan.Zero)
        {
            return;
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        _entries[filter] = new Entry(total, writesBefore, countedAt);
    }

    private readonly record struct Entry(long Total, long Writes, DateTimeOffset CountedAt);
}
