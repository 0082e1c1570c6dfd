using Churn.Core.Reasons;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Churn.Domain.Predictions;

namespace Churn.Core.Worker;

/// <summary>
/// Scores the valid events of a batch in ONE scorer call. If that call throws, each record is scored alone so one
/// record the model cannot score is told apart from the rest; a non-finite or out-of-range probability is likewise a
/// failure. The caller decides whether the failures are the records' (dead-lettered) or the model's (the batch fails).
/// Right after the probabilities, the model's explainer (when it has one) computes every scored record's reason codes.
/// </summary>
internal static class BatchScorer
{
    public static ScoredBatch Score(IChurnScorer scorer, ReasonExplainer? explainer, IReadOnlyList<ConsumedEvent> batch,
        List<(int Index, CustomerEvent Event)> valid, List<(int Index, PoisonRecord Poison)> failures, BatchTrace trace,
        TimeProvider time)
    {
        var result = new ScoredBatch(new List<Prediction>(valid.Count), new List<int>(valid.Count));
        if (valid.Count == 0)
        {
            return result;
        }
        var customers = new CustomerRecord[valid.Count];
        for (var i = 0; i < valid.Count; i++)
        {
            customers[i] = valid[i].Event.Customer;
        }
        var probabilities = new float[valid.Count];
        var errors = new string?[valid.Count];
        var reasons = new PredictionReasons?[valid.Count];
        try
        {
            scorer.Score(customers, probabilities);
        }
        catch (Exception batchError)
        {
            ScoreOneByOne(scorer, customers, probabilities, errors, batchError);
        }
        // Every row, in one call: a row that failed to score is dead-lettered below and its reasons are not used.
        explainer?.Explain(customers, reasons);
        var scoredAt = time.GetUtcNow();
        for (var i = 0; i < valid.Count; i++)
        {
            var (index, e) = valid[i];
            var p = probabilities[i];
            var error = errors[i] ?? (float.IsFinite(p) && p is >= 0 and <= 1 ? null : $"scoring failed: model returned {p}");
            if (error is not null)
            {
                failures.Add((index, new PoisonRecord(batch[index], error)));
                continue;
            }
            var ingestedAt = PredictionBuilder.IngestedAt(batch[index].Message, e);
            result.Items.Add(PredictionBuilder.Build(e, p, scorer.Card, ingestedAt, scoredAt, reasons[i]));
            result.Indices.Add(index);
        }
        trace.Mark(BatchTrace.Scored, result.Indices); // a record the model failed is dead-lettered instead
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
