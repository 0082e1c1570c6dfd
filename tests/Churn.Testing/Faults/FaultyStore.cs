using System.Collections.Concurrent;
using Churn.Core.Storage;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Testing.Faults;

/// <summary>
/// The real store with faults on demand: a transient outage (the next writes fail), a long one (writes and reads fail
/// until a time), a record it refuses for good (as MongoDB refuses a document failing validation) and a record whose
/// document it cannot build (a mapping bug: the whole write throws). Everything else goes to the real store.
/// </summary>
public sealed class FaultyStore(IPredictionStore inner, TimeProvider time) : IPredictionStore
{
    private int _failNextWrites;
    private long _downUntilTicks;

    public ConcurrentDictionary<string, string> Refusing { get; } = new();
    public ConcurrentDictionary<string, string> Breaking { get; } = new();

    public void FailNextWrites(int count) => Interlocked.Exchange(ref _failNextWrites, count);

    public void GoDownFor(TimeSpan duration) => Interlocked.Exchange(ref _downUntilTicks, (time.GetUtcNow() + duration).UtcTicks);

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        if (Interlocked.Decrement(ref _failNextWrites) >= 0)
        {
            throw new IOException("injected transient outage: the write did not reach the store");
        }
        if (predictions.FirstOrDefault(p => Breaking.ContainsKey(p.EventId)) is { } broken)
        {
            throw new InvalidOperationException(Breaking[broken.EventId]);
        }
        await inner.UpsertAsync([.. predictions.Where(p => !Refusing.ContainsKey(p.EventId))], cancellationToken);
        var refused = predictions.Where(p => Refusing.ContainsKey(p.EventId)).Select(p => new RejectedPrediction(p.EventId, Refusing[p.EventId])).ToList();
        if (refused.Count > 0)
        {
            throw new PredictionWriteException(refused);
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.CountAsync(cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.RegisterModelAsync(card, cancellationToken);
    }

    public Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken) => inner.GetAsync(eventId, cancellationToken);

    public Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken) =>
        inner.GetLatestAsync(limit, labelledOnly, cancellationToken);

    public Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        inner.GetCustomerHistoryAsync(customerId, limit, cancellationToken);

    public Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken) => inner.GetStatsAsync(query, cancellationToken);

    public Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken) => inner.GetModelsAsync(cancellationToken);

    private void ThrowIfDown()
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _downUntilTicks))
        {
            throw new IOException("injected long outage: the store does not answer");
        }
    }
}
