using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Extensions;

/// <summary>Settings of the Api (configuration section <c>Churn</c>), validated at start.</summary>
public sealed record ChurnApiOptions
{
    public const string SectionName = "Churn";

    /// <summary>The key mutating endpoints require in <c>X-Api-Key</c>. Unset: mutating endpoints refuse every call.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Most customers accepted in one POST /api/score or POST /api/customers.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; init; } = 1_000;

    /// <summary>Largest request body accepted, in bytes (larger → 413).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>How often the live feed polls the store for newly scored predictions.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan FeedPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far back each poll looks again, so predictions written late with an earlier scoredAt are not missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FeedLookBack { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long POST /api/customers waits for the transport (room in a full log, then the confirmations) before it
    /// answers 503 naming the customers not accepted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long GET /api/stats answers a query from its last computation (0: computed per request).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StatsCacheDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most distinct stats queries cached at once.</summary>
    [Range(1, 100_000)]
    public int StatsCacheMaxEntries { get; init; } = 256;
}
