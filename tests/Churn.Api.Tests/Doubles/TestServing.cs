using System.Collections.Concurrent;
using Churn.Api.Serving;
using Churn.Core.Scoring;

namespace Churn.Api.Tests.Doubles;

public sealed class SwitchableServingModel : IServingModel
{
    public IChurnScorer? Current { get; set; } = new LogisticScorer();
    public ModelReloadResult NextReload { get; set; } = new(ModelReloadOutcome.Unchanged, "test-1", "No new model in the model location.");

    public Task<ModelReloadResult> ReloadAsync(CancellationToken cancellationToken) => Task.FromResult(NextReload);
}

public sealed class RecordingIngest : ICustomerIngest
{
    public ConcurrentQueue<IdentifiedCustomer> Published { get; } = new();
    public int Replays;

    public Task<IReadOnlyList<string>> PublishAsync(IReadOnlyList<IdentifiedCustomer> customers, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var c in customers)
        {
            Published.Enqueue(c);
            ids.Add($"evt-{c.CustomerId}");
        }
        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    public Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Replays);
        return Task.FromResult(new ReplayReport("csv:test.csv", 3, 1));
    }
}
