namespace Churn.Api.Live;

/// <summary>In-process publish/subscribe of newly stored predictions (what GET /api/predictions/stream serves).</summary>
public interface IPredictionFeed
{
    void Publish(IReadOnlyList<Prediction> predictions);

    /// <summary>Predictions published from now on, until <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<Prediction> SubscribeAsync(CancellationToken cancellationToken);

    int SubscriberCount { get; }
}
