using Microsoft.Extensions.Options;

namespace Churn.Api.Idempotency;

/// <summary>
/// The Idempotency-Keys of POST /api/customers, in memory: per key the fingerprint of its body and whether a request
/// with it completed (202). Bounded: a key is forgotten <see cref="IdempotencyOptions.Ttl"/> after its first use, and the
/// oldest go first beyond <see cref="IdempotencyOptions.MaxKeys"/>. The answer itself is not kept: its event ids derive
/// from the key and the body (<see cref="IdempotencyKey.EventIdAt"/>), so it is rebuilt identically. What a forgotten
/// key (expiry, eviction, restart, another replica) loses is only the check: a repeat publishes again under the same
/// ids (the store upserts: still one prediction per event), and a different body under that key is no longer a 422 but
/// replaces those events.
/// </summary>
public sealed class IdempotencyCache(IOptions<IdempotencyOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> byAge = new();

    public int Count { get { lock (gate) { return entries.Count; } } }

    /// <summary>Registers a request under <paramref name="key"/>; on <see cref="IdempotencyClaim.Publish"/> the caller must <see cref="Release"/>.</summary>
    public IdempotencyClaim Claim(IdempotencyKey key, string fingerprint)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(now, room: 1);
            if (entries.TryGetValue(key.Value, out var entry))
            {
                if (entry.Fingerprint != fingerprint) return IdempotencyClaim.Mismatch;
                if (entry.State == State.Completed) return IdempotencyClaim.Replay;
                if (entry.State == State.InProgress) return IdempotencyClaim.InProgress;
                entry.State = State.InProgress;
                return IdempotencyClaim.Publish;
            }
            var expires = now + options.Value.Ttl;
            entries[key.Value] = new Entry(fingerprint) { State = State.InProgress };
            byAge.Enqueue((key.Value, expires));
            return IdempotencyClaim.Publish;
        }
    }

    /// <summary>Ends a claimed request: completed (its 202 is what repeats get), or not (a repeat publishes again).</summary>
    public void Release(IdempotencyKey key, bool completed)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key.Value, out var entry)) entry.State = completed ? State.Completed : State.Failed;
        }
    }

    /// <summary>Drops expired keys, and the oldest while fewer than <paramref name="room"/> places are free.</summary>
    private void Forget(DateTimeOffset now, int room)
    {
        while (byAge.TryPeek(out var oldest) && (oldest.Expires <= now || entries.Count + room > options.Value.MaxKeys))
        {
            byAge.Dequeue();
            entries.Remove(oldest.Key);
        }
    }

    private enum State { InProgress, Completed, Failed }

    private sealed class Entry(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;
        public State State { get; set; }
    }
}
