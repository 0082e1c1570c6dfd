using Churn.Domain.Challenger;

namespace Churn.Core.Storage;

/// <summary>
/// Port: where a challenger's shadow predictions live, apart from the predictions (the prediction store's database: a
/// SQLite table, a MongoDB collection). Idempotent by (<see cref="ShadowPrediction.EventId"/>,
/// <see cref="ShadowPrediction.ModelVersion"/>): writing the same one twice leaves one, and a shadow prediction scored
/// later is never replaced by one scored earlier. Nothing that shows predictions reads it.
/// </summary>
public interface IShadowPredictionStore
{
    /// <summary>Creates the tables/collections and indexes. Idempotent (the same call as the prediction store's).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Upserts the batch; returns only when it is durable. Throws on outage.</summary>
    Task UpsertShadowAsync(IReadOnlyList<ShadowPrediction> predictions, CancellationToken cancellationToken);

    /// <summary>How many shadow predictions of <paramref name="challengerVersion"/> are stored.</summary>
    Task<long> CountShadowAsync(string challengerVersion, CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="limit"/> most recent shadow predictions of <paramref name="challengerVersion"/> (by scoring
    /// time, then event id, descending) joined with the stored prediction of the same event; a shadow prediction whose
    /// event has no stored prediction is left out. Newest first.
    /// </summary>
    Task<IReadOnlyList<ShadowPair>> GetShadowPairsAsync(string challengerVersion, int limit, CancellationToken cancellationToken);
}
