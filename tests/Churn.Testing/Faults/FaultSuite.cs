using Churn.Core.Serving;
using Churn.Domain.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Churn.Testing.Faults;

/// <summary>
/// Runs one seeded <see cref="FaultPlan"/> on one leg and checks the guarantee: the store holds exactly the valid events
/// (each once, with its last version, scored as the Trainer's graph scores it, by a model that served), the dead-letter
/// topic holds exactly the poison records and the two the store could not take, with their reason kinds, and every
/// worker still running is healthy and consuming.
/// </summary>
public static class FaultSuite
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(ITestTransport transport, int seed, bool rebalances)
    {
        var plan = FaultPlan.Create(seed, rebalances);
        await using var rig = await FaultRig.StartAsync(transport);
        using var deadLetters = DeadLetterReader.Subscribe(transport);
        rig.Store.Refusing[plan.RefusedId] = "document failed validation";
        rig.Store.Breaking[plan.BrokenId] = "cannot map the prediction to a document";
        var served = new HashSet<string> { rig.Models.Current!.Card.Version };
        await rig.StartWorkerAsync();
        await rig.StartWorkerAsync();

        var positions = new Dictionary<(int Partition, long Offset), PlannedRecord>();
        var chunks = plan.ChunksOfRecords().ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            Publish(rig, chunks[i], positions);
            if (i < plan.Faults.Count)
            {
                await InjectAsync(rig, plan.Faults[i], served);
            }
            deadLetters.Drain(TimeSpan.FromMilliseconds(200));
        }

        var expected = plan.ExpectedStored;
        var expectedLetters = positions.Where(p => p.Value.Poison is not null || p.Value.Event!.EventId is var id && (id == plan.RefusedId || id == plan.BrokenId))
            .ToDictionary(p => p.Key, p => p.Value);
        await Eventually.UntilAsync(async () =>
        {
            deadLetters.Drain(TimeSpan.FromMilliseconds(300));
            return (Stored: await rig.Truth.CountAsync(CancellationToken.None), Letters: deadLetters.Letters.Count);
        }, state => (state.Stored == expected.Count && state.Letters == expectedLetters.Count) || state.Letters > expectedLetters.Count,
            SettleTimeout, TimeSpan.FromMilliseconds(100),
            $"seed {seed} on {transport.Name}: {expected.Count} stored and {expectedLetters.Count} dead letters");

        AssertDeadLetters(deadLetters, expectedLetters, plan, rig.Topics.Customers, seed);
        await AssertStoredAsync(rig, expected, served, seed);
        await Eventually.UntilAsync(() => rig.Running.All(m => m.Status.Check().Status == HealthStatus.Healthy),
            $"seed {seed}: every running worker healthy", TimeSpan.FromSeconds(30));
    }

    private static void Publish(FaultRig rig, IReadOnlyList<PlannedRecord> chunk, Dictionary<(int, long), PlannedRecord> positions)
    {
        var reports = new List<(PlannedRecord Record, Churn.Core.Transport.DeliveryReport Report)>();
        foreach (var record in chunk)
        {
            rig.Publisher.Publish(rig.Topics.Customers, record.ToMessage(), report => { lock (reports) reports.Add((record, report)); });
        }
        Assert.Equal(0, rig.Publisher.Flush(TimeSpan.FromSeconds(30)));
        lock (reports)
        {
            Assert.All(reports, r => Assert.True(r.Report.Delivered, r.Report.Error));
            foreach (var (record, report) in reports)
            {
                positions[(report.Partition, report.Offset)] = record;
            }
        }
    }

    private static async Task InjectAsync(FaultRig rig, FaultKind fault, HashSet<string> served)
    {
        switch (fault)
        {
            case FaultKind.TransientOutage:
                rig.Store.FailNextWrites(3);
                break;
            case FaultKind.LongOutage:
                rig.Store.GoDownFor(TimeSpan.FromSeconds(1.5));
                break;
            case FaultKind.WorkerCrash:
                rig.Running[0].Crash();
                await rig.StartWorkerAsync();
                break;
            case FaultKind.ValidModelSwap:
                var serving = rig.Models.Current!.Card;
                var next = serving with { Version = $"{serving.Version}-swapped-{served.Count}" };
                File.WriteAllText(ModelFiles.CardPath(rig.ModelDirectory), ModelCardJson.Serialize(next));
                Assert.Equal(ModelSwapOutcome.Swapped, (await rig.Models.ReloadAsync(CancellationToken.None)).Outcome);
                served.Add(next.Version);
                break;
            case FaultKind.BrokenModelSwap:
                var model = await File.ReadAllBytesAsync(ModelFiles.ModelPath(rig.ModelDirectory));
                await File.WriteAllBytesAsync(ModelFiles.ModelPath(rig.ModelDirectory), "not an onnx graph"u8.ToArray());
                Assert.Equal(ModelSwapOutcome.Rejected, (await rig.Models.ReloadAsync(CancellationToken.None)).Outcome);
                await File.WriteAllBytesAsync(ModelFiles.ModelPath(rig.ModelDirectory), model);
                break;
            case FaultKind.WorkerJoins:
                await rig.StartWorkerAsync();
                break;
            case FaultKind.WorkerLeaves:
                await rig.Running[0].StopAsync();
                break;
        }
    }

    private static async Task AssertStoredAsync(FaultRig rig, IReadOnlyDictionary<string, Churn.Domain.Events.CustomerEvent> expected,
        HashSet<string> served, int seed)
    {
        var card = rig.Models.Current!.Card;
        var ids = expected.Keys.Order().ToList();
        var reference = ReferenceScoring.Score(ModelFiles.ModelPath(rig.ModelDirectory), card, [.. ids.Select(id => expected[id].Customer)]);
        for (var i = 0; i < ids.Count; i++)
        {
            var stored = await rig.Truth.GetAsync(ids[i], CancellationToken.None);
            Assert.True(stored is not null, $"seed {seed}: {ids[i]} missing from the store");
            Assert.Equal(expected[ids[i]].Customer, stored.Customer);
            Assert.Equal(reference[i], stored.ChurnProbability, 1e-6);
            Assert.Contains(stored.ModelVersion, served);
        }
    }

    private static void AssertDeadLetters(DeadLetterReader reader, Dictionary<(int, long), PlannedRecord> expected, FaultPlan plan,
        string customersTopic, int seed)
    {
        var unexpected = reader.Letters.Where(l => !expected.ContainsKey(l.Key)).Select(l => $"{l.Key}: {l.Value.Reason}");
        Assert.True(reader.Letters.Count == expected.Count && !unexpected.Any(),
            $"seed {seed}: {reader.Letters.Count} dead letters, expected {expected.Count}; unexpected: {string.Join(" | ", unexpected)}");
        foreach (var (position, record) in expected)
        {
            var (sourceTopic, reason) = reader.Letters[position];
            var kind = record.Poison?.ReasonKind
                ?? (record.Event!.EventId == plan.RefusedId ? "store rejected" : "store failed");
            Assert.Equal(customersTopic, sourceTopic);
            Assert.True(reason.StartsWith(kind + ":", StringComparison.Ordinal),
                $"seed {seed}: {record.Poison?.Name ?? record.Event!.EventId} at {position} was dead-lettered for '{reason}', expected '{kind}'");
        }
    }
}
