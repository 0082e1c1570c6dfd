using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Churn.Domain.Predictions;

namespace Churn.Core.Worker;

/// <summary>The predictions of a batch and, for tracing, the batch index of each one's record.</summary>
internal sealed record ScoredBatch(List<Prediction> Items, List<int> Indices)
{
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
}

/// <summary>
/// Scores the valid events of a batch in ONE scorer call. If that call throws, each record is scored alone so one
/// record the model cannot score goes to the dead-letter topic and the rest still flows; a non-finite or
/// out-of-range probability is likewise poison.
/// </summary>
internal static class BatchScorer
{
    public static ScoredBatch Score(IChurnScorer scorer, IReadOnlyList<ConsumedEvent> batch,
        List<(int Index, CustomerEvent Event)> valid, List<PoisonRecord> poison, BatchTrace trace, TimeProvider time)
    {
        var result = new ScoredBatch(new List<Prediction>(valid.Count), new List<int>(valid.Count));
        if (valid.Count == 0)
        {
            return result;
        }
        var customers = new CustomerRecord[valid.Count];
        var indices = new int[valid.Count];
        for (var i = 0; i < valid.Count; i++)
        {
            customers[i] = valid[i].Event.Customer;
            indices[i] = valid[i].Index;
        }
        var probabilities = new float[valid.Count];
        var errors = new string?[valid.Count];
        var spans = trace.StartChildren("score", indices);
        try
        {
            scorer.Score(customers, probabilities);
        }
        catch (Exception batchError)
        {
            ScoreOneByOne(scorer, customers, probabilities, errors, batchError);
        }
        finally
        {
            BatchTrace.Stop(spans);
        }
        var scoredAt = time.GetUtcNow();
        for (var i = 0; i < valid.Count; i++)
        {
            var (index, e) = valid[i];
            var p = probabilities[i];
            var error = errors[i] ?? (float.IsFinite(p) && p is >= 0 and <= 1 ? null : $"scoring failed: model returned {p}");
            if (error is not null)
            {
                poison.Add(new PoisonRecord(batch[index], error));
                trace.DeadLettered(index, error);
                continue;
            }
            var ingestedAt = PredictionBuilder.IngestedAt(batch[index].Message, e);
            result.Items.Add(PredictionBuilder.Build(e, p, scorer.Card, ingestedAt, scoredAt));
            result.Indices.Add(index);
        }
        return result;
    }

    private static void ScoreOneByOne(IChurnScorer scorer, CustomerRecord[] customers, float[] probabilities,
        string?[] errors, Exception batchError)
    {
        for (var i = 0; i < customers.Length; i++)
        {
            try
            {
                scorer.Score(customers.AsSpan(i, 1), probabilities.AsSpan(i, 1));
            }
            catch (Exception ex)
            {
                errors[i] = $"scoring failed: {ex.Message} (batch error: {batchError.Message})";
            }
        }
    }
}
