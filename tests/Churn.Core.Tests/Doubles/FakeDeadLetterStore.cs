using System.Collections.Concurrent;
using Churn.Core.Storage;
using Churn.Domain.Api;
using Churn.Domain.DeadLetters;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// An in-memory <see cref="IDeadLetterStore"/> for the recorder's logic: keeps the first dead letter per position, and
/// fails every write (an outage) while <see cref="Failing"/> is set. Queries are the real stores' business (the contract).
/// </summary>
internal sealed class FakeDeadLetterStore : IDeadLetterStore
{
    private int _attempts;

    public ConcurrentDictionary<(string Topic, int Partition, long Offset), DeadLetter> Stored { get; } = new();
    public volatile bool Failing;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordDeadLettersAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failing)
        {
            throw new IOException("store is down");
        }
        foreach (var letter in deadLetters)
        {
            Stored.TryAdd((letter.Topic, letter.Partition, letter.Offset), letter);
        }
        return Task.CompletedTask;
    }

    public Task<DeadLetterPage> QueryDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("queries are tested against the real stores (DeadLetterStoreContract)");
}
