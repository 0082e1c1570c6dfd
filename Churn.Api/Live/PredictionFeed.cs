using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Churn.Api.Live;

/// <summary>
/// Fan-out of predictions to subscribers, each with its own bounded queue: a slow subscriber (a stalled browser)
/// loses its oldest undelivered predictions instead of slowing the publisher or the others.
/// </summary>
public sealed class PredictionFeed : IPredictionFeed
{
    public const int SubscriberCapacity = 1_000;

    private readonly ConcurrentDictionary<Channel<Prediction>, byte> subscribers = new();

    public int SubscriberCount => subscribers.Count;

    public void Publish(IReadOnlyList<Prediction> predictions)
    {
        foreach (var subscriber in subscribers.Keys)
        {
            foreach (var prediction in predictions)
            {
                subscriber.Writer.TryWrite(prediction);
            }
        }
    }

    public async IAsyncEnumerable<Prediction> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Prediction>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        subscribers.TryAdd(channel, 0);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var prediction))
                {
                    yield return prediction;
                }
            }
        }
        finally
        {
            subscribers.TryRemove(channel, out _);
        }
    }
}
