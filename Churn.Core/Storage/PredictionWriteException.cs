namespace Churn.Core.Storage;

/// <summary>
/// Thrown by <see cref="IPredictionStore.UpsertAsync"/> when the store refused some predictions of the batch for a
/// reason that retrying cannot fix (a document the database rejects). <see cref="Rejected"/> names each one; the
/// others may or may not have been written, and writing the batch again without the rejected ones is safe because
/// upserts are idempotent. Any other exception from <c>UpsertAsync</c> means an outage: retry the whole batch.
/// </summary>
public sealed class PredictionWriteException(IReadOnlyList<RejectedPrediction> rejected, Exception? innerException = null)
    : Exception(Describe(rejected), innerException)
{
    public IReadOnlyList<RejectedPrediction> Rejected { get; } = rejected;

    private static string Describe(IReadOnlyList<RejectedPrediction> rejected) =>
        $"The store rejected {rejected.Count} prediction(s): " +
        string.Join("; ", rejected.Take(5).Select(r => $"{r.EventId}: {r.Reason}")) +
        (rejected.Count > 5 ? "; …" : "");
}
