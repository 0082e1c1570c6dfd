using Churn.Domain.Api;
using Churn.Domain.DeadLetters;

namespace Churn.Core.Storage;

/// <summary>
/// Port: where recorded dead letters live (the prediction store's database: a SQLite table, a MongoDB collection).
/// Idempotent by each dead letter's own coordinates (<see cref="DeadLetter.Topic"/>, <see cref="DeadLetter.Partition"/>,
/// <see cref="DeadLetter.Offset"/>): recording one again, e.g. after a replay, leaves the first one as it was.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Creates the tables/collections and indexes. Idempotent (the same call as the prediction store's).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the batch; returns only when it is durable. Throws on outage.</summary>
    Task RecordDeadLettersAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);

    /// <summary>A page, newest first (<see cref="DeadLetter.DeadLetteredAt"/>, then topic, partition, offset, all descending), with the counts by reason kind.</summary>
    Task<DeadLetterPage> QueryDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken);
}
