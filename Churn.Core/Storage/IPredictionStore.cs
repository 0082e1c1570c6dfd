using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Core.Storage;

/// <summary>
/// Port: where predictions live (MongoDB, or the embedded SQLite file). Writes are idempotent by
/// <see cref="Prediction.EventId"/>: writing the same prediction twice leaves one.
/// </summary>
public interface IPredictionStore
{
    /// <summary>Creates collections/tables and the indexes the queries use. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Upserts the batch by event id; returns only when the batch is durable. Throws on outage.</summary>
    Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken);

    Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken);

    Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken);

    /// <summary>A customer's predictions, newest first.</summary>
    Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="limit"/> most recently scored predictions (newest first; at most
    /// 100,000), only labelled ones when <paramref name="labelledOnly"/>: the drift
    /// monitor's sliding window. Index-backed in every store, so its cost is the rows returned, not the store's size.
    /// </summary>
    Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken);

    Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken);

    /// <summary>Records a model card the pipeline has served (collection <c>churn.models</c>). Idempotent by version.</summary>
    Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken);

    Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken);
}
