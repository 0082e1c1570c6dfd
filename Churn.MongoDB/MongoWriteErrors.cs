using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// Classifies the errors of an unordered bulk upsert. Errors that a retry of the same idempotent batch can fix
/// (write concern failures, primary changes, shutdowns, timeouts, write conflicts, and the duplicate-key race of two
/// concurrent upserts of one <c>_id</c>) are an outage: the original exception propagates and the worker retries.
/// Anything else rejects that document for good and is surfaced as <see cref="PredictionWriteException"/>.
/// </summary>
internal static class MongoWriteErrors
{
    /// <summary>Server error codes a retry can fix (the retryable-writes spec's list plus write conflicts and the upsert race).</summary>
    private static readonly HashSet<int> TransientCodes =
    [
        6, 7, 24, 46, 50, 64, 89, 91, 112, 189, 262, 9001, 10107, 11000, 11600, 11602, 13435, 13436,
    ];

    public readonly record struct WriteFailure(int Index, int Code, ServerErrorCategory Category, string Message);

    public static bool IsTransient(WriteFailure failure) =>
        TransientCodes.Contains(failure.Code) || failure.Category == ServerErrorCategory.ExecutionTimeout;

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
            .Where(f => !IsTransient(f) && f.Index >= 0 && f.Index < batch.Count)
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
