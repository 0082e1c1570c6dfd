using System.Collections.Concurrent;
using Churn.Api.Extensions;
using Microsoft.Extensions.Options;

namespace Churn.Api.Stats;

/// <summary>
/// GET /api/stats reads the whole store (a scan per request); this answers each query (bucket, window, bins — not the
/// raw query string, so unknown parameters do not open new entries) from its last computation for
/// <see cref="ChurnApiOptions.StatsCacheDuration"/>. One computation per query and window however many requests arrive
/// (later ones wait for it); a failed one is not kept. At most <see cref="ChurnApiOptions.StatsCacheMaxEntries"/> queries.
/// </summary>
public sealed class StatsCache(IPredictionStore store, IOptions<ChurnApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<StatsQuery, Entry> entries = new();

    public Task<PredictionStats> GetAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var duration = options.Value.StatsCacheDuration;
        if (duration <= TimeSpan.Zero) return store.GetStatsAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        var fresh = new Entry(new Lazy<Task<PredictionStats>>(() => store.GetStatsAsync(query, CancellationToken.None)), now + duration);
        var entry = entries.AddOrUpdate(query, fresh, (_, current) => current.IsUsableAt(now) ? current : fresh);
        if (ReferenceEquals(entry, fresh)) Trim(now);
        // The computation is shared: a caller that leaves stops waiting for it, not the computation.
        return entry.Stats.Value.WaitAsync(cancellationToken);
    }

    private void Trim(DateTimeOffset now)
    {
        if (entries.Count <= options.Value.StatsCacheMaxEntries) return;
        foreach (var (query, entry) in entries.Where(e => !e.Value.IsUsableAt(now)).ToList()) entries.TryRemove(new(query, entry));
        var excess = entries.Count - options.Value.StatsCacheMaxEntries;
        foreach (var (query, entry) in entries.OrderBy(e => e.Value.Expires).Take(Math.Max(0, excess)).ToList()) entries.TryRemove(new(query, entry));
    }

    private sealed record Entry(Lazy<Task<PredictionStats>> Stats, DateTimeOffset Expires)
    {
        public bool IsUsableAt(DateTimeOffset now) =>
            Expires > now && !(Stats.IsValueCreated && (Stats.Value.IsFaulted || Stats.Value.IsCanceled));
    }
}
