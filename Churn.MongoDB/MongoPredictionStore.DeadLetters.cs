using Churn.Core.Storage;
using Churn.Domain.Api;
using Churn.Domain.DeadLetters;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// The dead letters: collection <see cref="DeadLettersCollection"/>, inserted once by position (<c>$setOnInsert</c>
/// upserts, unordered, write concern majority) and read newest first through the <c>deadLetteredAt</c> index.
/// </summary>
public sealed partial class MongoPredictionStore : IDeadLetterStore
{
    public const string DeadLettersCollection = "deadLetters";

    private static readonly BsonDocument NewestFirst = new() { { "deadLetteredAt", -1 }, { "_id", -1 } };

    public async Task RecordDeadLettersAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        if (deadLetters.Count == 0)
        {
            return;
        }
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _deadLetters.BulkWriteAsync(deadLetters.Select(MongoDeadLetterDocuments.InsertOnce), UnorderedBulk, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The page and the counts by kind (their sum is the total) as two commands, run concurrently.</summary>
    public async Task<DeadLetterPage> QueryDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var (page, pageSize) = DeadLetterQueries.Paging(query);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var items = _deadLetters.Find(FilterDefinition<BsonDocument>.Empty).Sort(NewestFirst)
            .Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Limit(pageSize).ToListAsync(cancellationToken);
        PipelineDefinition<BsonDocument, BsonDocument> byReasonKind = new[]
        {
            new BsonDocument("$group", new BsonDocument { { "_id", "$reasonKind" }, { "count", new BsonDocument("$sum", 1) } }),
        };
        var counts = CountsAsync();
        async Task<List<BsonDocument>> CountsAsync()
        {
            using var cursor = await _deadLetters.AggregateAsync(byReasonKind, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await cursor.ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        await Task.WhenAll(items, counts).ConfigureAwait(false);
        var byKind = counts.Result.Select(c => new ReasonKindCount(c["_id"].AsString, c["count"].ToInt64())).ToList();
        return new DeadLetterPage([.. items.Result.Select(MongoDeadLetterDocuments.ToDeadLetter)], byKind.Sum(c => c.Count),
            page, pageSize, DeadLetterQueries.Ordered(byKind));
    }
}
