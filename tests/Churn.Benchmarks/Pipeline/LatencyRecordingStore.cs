using Churn.Core.Storage;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// Measurement only: wraps the product's store and, when a batch upsert has RETURNED (the batch is durable), records
/// each prediction's latency from its occurredAt and from its ingest time. Signals when <c>expected</c> rows are stored.
/// </summary>
public sealed class LatencyRecordingStore(IPredictionStore inner, TimeProvider time, long expected) : IPredictionStore
{
    private readonly Lock _gate = new();
    private readonly List<double> _fromOccurred = new((int)Math.Min(expected, 10_000_000));
    private readonly List<double> _fromIngested = new((int)Math.Min(expected, 10_000_000));
    private readonly TaskCompletionSource _allStored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _batches;

    public Task AllStored => _allStored.Task;
    public DateTimeOffset LastStoredAt { get; private set; }

    public (double[] FromOccurred, double[] FromIngested, long Batches) Snapshot()
    {
        lock (_gate)
        {
            return (_fromOccurred.ToArray(), _fromIngested.ToArray(), _batches);
        }
    }

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        await inner.UpsertAsync(predictions, cancellationToken);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var p in predictions)
            {
                _fromOccurred.Add((now - p.OccurredAt).TotalMilliseconds);
                _fromIngested.Add((now - p.IngestedAt).TotalMilliseconds);
            }
            _batches++;
            LastStoredAt = now;
            if (_fromOccurred.Count >= expected)
            {
                _allStored.TrySetResult();
            }
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken) => inner.GetAsync(eventId, cancellationToken);
    public Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
    public Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        inner.GetCustomerHistoryAsync(customerId, limit, cancellationToken);
    public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    public Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken) =>
        inner.GetStatsAsync(query, cancellationToken);
    public Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken) => inner.RegisterModelAsync(card, cancellationToken);
    public Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken) => inner.GetModelsAsync(cancellationToken);
}
