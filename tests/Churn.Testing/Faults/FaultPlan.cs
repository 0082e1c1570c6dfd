using System.Text;
using Churn.Core.Ingest;
using Churn.Core.Transport;
using Churn.Domain.Events;

namespace Churn.Testing.Faults;

/// <summary>
/// One seeded run of the fault suite: the records to publish in order (valid events, later versions of some of them
/// under the same event id, every poison class of <see cref="PoisonCatalogue"/> twice), in chunks, with a fault between
/// chunks, and the two valid events the store will refuse and fail to write. The same seed gives the same run.
/// </summary>
public sealed class FaultPlan
{
    public const int ValidEvents = 240;
    public const int Rewrites = 6;
    public const int Chunks = 8;

    private FaultPlan(List<PlannedRecord> records, List<FaultKind> faults, string refused, string broken)
    {
        Records = records;
        Faults = faults;
        RefusedId = refused;
        BrokenId = broken;
    }

    public IReadOnlyList<PlannedRecord> Records { get; }
    public IReadOnlyList<FaultKind> Faults { get; }
    public string RefusedId { get; }
    public string BrokenId { get; }

    /// <summary>The event ids the store must hold at the end, each with the content of its last version.</summary>
    public IReadOnlyDictionary<string, CustomerEvent> ExpectedStored =>
        Records.Where(r => r.Event is not null && r.Event.EventId != RefusedId && r.Event.EventId != BrokenId)
            .GroupBy(r => r.Event!.EventId).ToDictionary(g => g.Key, g => g.Last().Event!);

    public IEnumerable<IReadOnlyList<PlannedRecord>> ChunksOfRecords() =>
        Records.Chunk((Records.Count + Chunks - 1) / Chunks);

    public static FaultPlan Create(int seed, bool rebalances)
    {
        var random = new Random(seed);
        var rows = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read()
            .Select(item => item.Event!.Customer).ToArray();
        random.Shuffle(rows);
        var valid = Enumerable.Range(0, ValidEvents).Select(i => new PlannedRecord(Event($"fi-{i}", $"fc-{i}", rows[i]), null)).ToList();
        var poison = PoisonCatalogue.Entries.SelectMany((entry, e) => new[] { 2 * e, 2 * e + 1 }
            .Select(n => new PlannedRecord(null, entry with { Build = _ => entry.Build(n) }))).ToList();
        var records = valid.Concat(poison).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(records));

        // Later versions of some events: same event id and customer (same partition), new content, published after.
        var rewritten = valid.OrderBy(_ => random.Next()).Take(Rewrites + 2).ToList();
        foreach (var (original, k) in rewritten.Take(Rewrites).Select((r, k) => (r, k)))
        {
            var after = records.IndexOf(original) + 1;
            var at = random.Next(after, records.Count + 1);
            records.Insert(at, new PlannedRecord(original.Event! with { Customer = rows[ValidEvents + k] }, null));
        }
        var refused = rewritten[Rewrites].Event!.EventId;
        var broken = rewritten[Rewrites + 1].Event!.EventId;

        List<FaultKind> faults = [FaultKind.TransientOutage, FaultKind.LongOutage, FaultKind.WorkerCrash, FaultKind.ValidModelSwap,
            FaultKind.BrokenModelSwap, .. rebalances ? new[] { FaultKind.WorkerJoins, FaultKind.WorkerLeaves } : [FaultKind.WorkerCrash, FaultKind.TransientOutage]];
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(faults));
        return new FaultPlan(records, faults, refused, broken);
    }

    private static CustomerEvent Event(string id, string customer, Churn.Domain.Customers.CustomerRecord record) => new()
    {
        EventId = id, CustomerId = customer, OccurredAt = DateTimeOffset.UtcNow, Source = "fault-suite", Customer = record,
    };
}

/// <summary>A valid event to publish, or a poison record and what it must be dead-lettered for.</summary>
public sealed record PlannedRecord(CustomerEvent? Event, PoisonEntry? Poison)
{
    public EventMessage ToMessage() => Event is { } e
        ? new EventMessage(e.CustomerId, CustomerEventJson.Serialize(e),
            [new(EventHeaders.ContentType, Encoding.UTF8.GetBytes(CustomerEventJson.ContentType))])
        : Poison!.Build(0);
}
