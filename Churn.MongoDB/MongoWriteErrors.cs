using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// Classifies the errors of an unordered bulk upsert. Only errors known to be about the document itself reject it for
/// good (it fails validation, it is too large, a field name or value the server cannot store, a unique secondary index
/// it violates): those are surfaced as <see cref="PredictionWriteException"/> and dead-lettered with the server's
/// reason. Everything else — interruptions, a full disk, quotas, throttling, elections, timeouts, the duplicate-key race
/// of two concurrent upserts of one <c>_id</c>, and any code not on the list — is an outage: the original exception
/// propagates and the worker retries the batch. A new server code therefore never dead-letters valid data.
/// </summary>
internal static class MongoWriteErrors
{
    /// <summary>
    /// Server error codes that mean this document can never be written as it is: BadValue, FailedToParse, TypeMismatch,
    /// PathNotViable, ConflictingUpdateOperators, DollarPrefixedFieldName, EmptyFieldName, DottedFieldName,
    /// ImmutableField, DocumentValidationFailure, BSONObjectTooLarge, and a document grown past 16 MB.
    /// </summary>
    private static readonly HashSet<int> PermanentCodes = [2, 9, 14, 28, 40, 52, 56, 57, 66, 121, 10334, 17419];

    private const int DuplicateKey = 11000;

    public readonly record struct WriteFailure(int Index, int Code, ServerErrorCategory Category, string Message);

    /// <summary>
    /// Permanent: a code on the list, or a duplicate key on a unique index other than <c>_id</c> (on <c>_id</c> it is
    /// the race of two upserts of the same event, which a retry resolves).
    /// </summary>
    public static bool IsPermanent(WriteFailure failure) =>
        PermanentCodes.Contains(failure.Code)
        || (failure.Code == DuplicateKey && !failure.Message.Contains("index: _id_ ", StringComparison.Ordinal));

    /// <summary>
    /// The permanent rejections of a failed bulk write, or an empty list when the whole batch should be retried
    /// (a write concern error, or only transient write errors).
    /// </summary>
    public static IReadOnlyList<RejectedPrediction> Permanent(
        IReadOnlyList<Prediction> batch, IReadOnlyList<WriteFailure> failures, bool writeConcernFailed)
    {
        if (writeConcernFailed)
        {
            return [];
        }
        return [.. failures
            .Where(f => IsPermanent(f) && f.Index >= 0 && f.Index < batch.Count)
            .Select(f => new RejectedPrediction(batch[f.Index].EventId, $"MongoDB write error {f.Code}: {f.Message}"))];
    }

    public static PredictionWriteException? Classify<T>(IReadOnlyList<Prediction> batch, MongoBulkWriteException<T> exception)
    {
        var failures = exception.WriteErrors
            .Select(e => new WriteFailure(e.Index, e.Code, e.Category, e.Message))
            .ToList();
        var rejected = Permanent(batch, failures, exception.WriteConcernError is not null);
        return rejected.Count == 0 ? null : new PredictionWriteException(rejected, exception);
    }
}
