using Churn.Domain.Predictions;

namespace Churn.Core.Storage;

/// <summary>Rules every store applies the same way to queries and statistics.</summary>
internal static class PredictionQueries
{
    /// <summary>Most predictions one <see cref="IPredictionStore.GetLatestAsync"/> returns.</summary>
    public const int MaxLatest = 100_000;

    public static int LatestLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Math.Min(limit, MaxLatest);
    }

    /// <summary>Page and page size after validation; the size is capped at <see cref="PredictionQuery.MaxPageSize"/>.</summary>
    public static (int Page, int PageSize) Paging(PredictionQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query.PageSize));
        return (query.Page, Math.Min(query.PageSize, PredictionQuery.MaxPageSize));
    }

    public static int HistoryLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Math.Min(limit, PredictionQuery.MaxPageSize);
    }

    /// <summary>
    /// The throughput series: <c>Count</c> consecutive buckets of <see cref="StatsQuery.Bucket"/> width, aligned to
    /// the bucket width (unix epoch), the last one containing <paramref name="now"/>.
    /// </summary>
    public static ThroughputWindow Window(StatsQuery query, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Bucket, TimeSpan.FromMilliseconds(1), nameof(query.Bucket));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Window, query.Bucket, nameof(query.Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.HistogramBins, 1, nameof(query.HistogramBins));
        var bucketMs = (long)query.Bucket.TotalMilliseconds;
        var count = (int)Math.Min(10_000, Math.Ceiling(query.Window.TotalMilliseconds / bucketMs));
        var endMs = (now.ToUnixTimeMilliseconds() / bucketMs + 1) * bucketMs;
        return new ThroughputWindow(endMs - count * bucketMs, bucketMs, count);
    }
}

internal readonly record struct ThroughputWindow(long StartMs, long BucketMs, int Count)
{
    public long EndMs => StartMs + BucketMs * Count;

    /// <summary>Every bucket of the window, oldest first, zero where nothing was scored.</summary>
    public IReadOnlyList<ThroughputPoint> Series(IReadOnlyDictionary<long, long> countsByBucket)
    {
        var points = new ThroughputPoint[Count];
        for (var i = 0; i < Count; i++)
        {
            points[i] = new ThroughputPoint(
                DateTimeOffset.FromUnixTimeMilliseconds(StartMs + i * BucketMs), countsByBucket.GetValueOrDefault(i));
        }
        return points;
    }
}
