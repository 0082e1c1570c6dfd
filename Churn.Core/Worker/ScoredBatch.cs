using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.Predictions;

namespace Churn.Core.Worker;

/// <summary>The predictions of a batch and, for tracing and dead-lettering, the batch index of each one's record.</summary>
internal sealed record ScoredBatch(List<Prediction> Items, List<int> Indices)
{
    public int Count => Items.Count;

    /// <summary>Splits off the predictions the store refused, as poison records carrying the store's reason.</summary>
    public (ScoredBatch Kept, List<(int Index, PoisonRecord Poison)> Refused) Split(IReadOnlyList<RejectedPrediction> rejected,
        IReadOnlyList<ConsumedEvent> batch)
    {
        // An event id can occur twice in a batch (a file replayed again before the first pass was scored).
        var reasons = new Dictionary<string, string>();
        foreach (var r in rejected)
        {
            reasons.TryAdd(r.EventId, r.Reason);
        }
        var kept = new ScoredBatch([], []);
        var refused = new List<(int, PoisonRecord)>();
        for (var i = 0; i < Items.Count; i++)
        {
            if (reasons.TryGetValue(Items[i].EventId, out var reason))
            {
                refused.Add((Indices[i], new PoisonRecord(batch[Indices[i]], $"store rejected: {reason}")));
            }
            else
            {
                kept.Items.Add(Items[i]);
                kept.Indices.Add(Indices[i]);
            }
        }
        return (kept, refused);
    }

    /// <summary>This batch without the predictions of the given batch indices.</summary>
    public ScoredBatch Without(IReadOnlyCollection<int> indices)
    {
        var kept = new ScoredBatch([], []);
        for (var i = 0; i < Items.Count; i++)
        {
            if (!indices.Contains(Indices[i]))
            {
                kept.Items.Add(Items[i]);
                kept.Indices.Add(Indices[i]);
            }
        }
        return kept;
    }

    public (ScoredBatch First, ScoredBatch Second) Halves()
    {
        var half = Count / 2;
        return (new ScoredBatch(Items[..half], Indices[..half]), new ScoredBatch(Items[half..], Indices[half..]));
    }
}
