namespace Churn.Api.Idempotency;

/// <summary>What <see cref="IdempotencyCache.Claim"/> found for a key.</summary>
public enum IdempotencyClaim
{
    /// <summary>First use, or a retry after a request that did not complete: this request publishes.</summary>
    Publish,

    /// <summary>A request with this key and body completed (202): answer the same again, publish nothing.</summary>
    Replay,

    /// <summary>A request with this key is being processed right now (409).</summary>
    InProgress,

    /// <summary>The key was used with a different body (422).</summary>
    Mismatch,
}
