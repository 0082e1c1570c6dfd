using System.Collections.Concurrent;
using Churn.Core.Storage;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// An in-memory <see cref="IPredictionStore"/> for the worker's logic: upserts by event id, and can be told to fail
/// (an outage) until <see cref="Failing"/> is cleared. Query/stats members are not the worker's business.
/// </summary>
internal sealed class FakePredictionStore(PipelineLog log) : IPredictionStore
{
    public ConcurrentDictionary<string, Prediction> Predictions { get; } = new();
    public ConcurrentDictionary<string, ModelCard> Models { get; } = new();
    public volatile bool Failing;
    /// <summary>Event ids the store refuses for good, with its reason (as MongoDB does for a document it rejects).</summary>
    public ConcurrentDictionary<string, string> Refusing { get; } = new();
    /// <summary>
    /// Event ids whose document the store cannot even build (a mapping or serialization bug): a batch holding one fails
    /// as a whole with that exception, every time, and nothing of it is written.
    /// </summary>
    public ConcurrentDictionary<string, string> Breaking { get; } = new();
    /// <summary>Every write hangs until its cancellation token fires (a database that never answers).</summary>
    public volatile bool Hanging;
    /// <summary>When set, every write waits for one of its permits first (a slow store the test releases).</summary>
    public SemaphoreSlim? Gate { get; set; }
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var ids = string.Join(",", predictions.Select(p => p.EventId));
        if (Gate is { } gate)
        {
            log.Add($"upsert-waiting {ids}");
            await gate.WaitAsync(cancellationToken);
        }
        if (Hanging)
        {
            log.Add($"upsert-hanging {ids}");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (predictions.FirstOrDefault(p => Breaking.ContainsKey(p.EventId)) is { } broken)
        {
            log.Add($"upsert-broken {ids}");
            throw new InvalidOperationException(Breaking[broken.EventId]);
        }
        if (Failing)
        {
            log.Add($"upsert-failed {ids}");
            throw new IOException("store is down");
        }
        var refused = predictions.Where(p => Refusing.ContainsKey(p.EventId))
            .Select(p => new RejectedPrediction(p.EventId, Refusing[p.EventId])).ToList();
        foreach (var p in predictions.Where(p => !Refusing.ContainsKey(p.EventId)))
        {
            Predictions[p.EventId] = p;
        }
        if (refused.Count > 0)
        {
            log.Add($"upsert-refused {string.Join(",", refused.Select(r => r.EventId))}");
            throw new PredictionWriteException(refused);
        }
        log.Add($"upsert {ids}");
    }

    public Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken)
    {
        Models[card.Version] = card;
        log.Add($"model {card.Version}");
        return Task.CompletedTask;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Predictions.GetValueOrDefault(eventId));

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)Predictions.Count);

    public Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelCard>>([.. Models.Values]);

    public Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by the scoring worker");

    public Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by the scoring worker");

    public Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by the scoring worker");

    public Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by the scoring worker");
}
