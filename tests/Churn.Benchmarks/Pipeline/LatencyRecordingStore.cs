using Churn.Core.Storage;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// Measurement only: wraps one host's store and, when a batch upsert has RETURNED (the batch is durable), hands the
/// batch and the write's duration to the run's <see cref="LatencyRecorder"/>. Counts what this host stored (the
/// workers' shares).
/// </summary>
public sealed class LatencyRecordingStore(IPredictionStore inner, TimeProvider time, LatencyRecorder recorder) : IPredictionStore
{
    private long _stored;

    public long Stored => Interlocked.Read(ref _stored);

    public async Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await inner.UpsertAsync(predictions, cancellationToken);
        recorder.Stored(predictions, time.GetUtcNow(), time.GetElapsedTime(started));
        Interlocked.Add(ref _stored, predictions.Count);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken) => inner.GetAsync(eventId, cancellationToken);
    public Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
    public Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        inner.GetCustomerHistoryAsync(customerId, limit, cancellationToken);
    public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
    public Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken) =>
        inner.GetLatestAsync(limit, labelledOnly, cancellationToken);
    public Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken) =>
        inner.GetStatsAsync(query, cancellationToken);
    public Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken) => inner.RegisterModelAsync(card, cancellationToken);
    public Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken) => inner.GetModelsAsync(cancellationToken);
}
