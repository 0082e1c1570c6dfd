using Churn.Api.Extensions;
using Microsoft.Extensions.Options;

namespace Churn.Api.Live;

/// <summary>
/// Feeds <see cref="IPredictionFeed"/> by polling the store, while someone subscribes, for predictions scored since the last poll. Works the same
/// whether the scoring worker runs in this process (embedded) or elsewhere (Kafka + MongoDB). Each poll looks back
/// <see cref="ChurnApiOptions.FeedLookBack"/> so late writes with an earlier scoredAt are caught, and remembers the ids
/// it already published inside that window so nothing is published twice.
/// </summary>
public sealed class StorePollingFeedSource(IPredictionStore store, IPredictionFeed feed, IOptions<ChurnApiOptions> options,
    TimeProvider time, ILogger<StorePollingFeedSource> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> published = [];
    private DateTimeOffset since;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        since = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.FeedPollInterval, time);
        while (await NextTick(timer, stoppingToken).ConfigureAwait(false))
        {
            if (feed.SubscriberCount == 0)
            {
                // Nobody listens: don't read the store, and don't replay the backlog to the next subscriber.
                since = time.GetUtcNow();
                published.Clear();
                continue;
            }
            try
            {
                await PollOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Live feed poll failed; retrying on the next tick");
            }
        }
    }

    private static async Task<bool> NextTick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    internal async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var from = since - options.Value.FeedLookBack;
        var fresh = new List<Prediction>();
        for (var page = 1; ; page++)
        {
            var result = await store.QueryAsync(new PredictionQuery
            {
                From = from, Sort = PredictionSort.ScoredAtAsc, Page = page, PageSize = PredictionQuery.MaxPageSize,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var p in result.Items)
            {
                if (published.TryAdd(p.EventId, p.ScoredAt)) fresh.Add(p);
                if (p.ScoredAt > since) since = p.ScoredAt;
            }
            if (result.Items.Count < PredictionQuery.MaxPageSize) break;
        }

        // Forget ids that fell out of the look-back window: they can no longer be returned by a poll.
        var horizon = since - options.Value.FeedLookBack;
        foreach (var old in published.Where(kv => kv.Value < horizon).Select(kv => kv.Key).ToList())
        {
            published.Remove(old);
        }
        if (fresh.Count > 0) feed.Publish(fresh);
    }
}
