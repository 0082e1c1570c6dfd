using System.Collections.Concurrent;
using Churn.Core.Transport;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// An <see cref="IEventPublisher"/> that records what was published. Deliveries are confirmed at once, or held until
/// <see cref="DeliverPending"/> when <see cref="HoldDeliveries"/> is set, or reported as failed while
/// <see cref="FailDeliveries"/> is set.
/// </summary>
internal sealed class FakeEventPublisher(PipelineLog log) : IEventPublisher
{
    private readonly ConcurrentQueue<Action> _pending = new();
    private long _offset;

    public ConcurrentQueue<(string Topic, EventMessage Message)> Published { get; } = new();

    /// <summary>The span that was current when each message was published (the transport's send span's parent).</summary>
    public ConcurrentQueue<System.Diagnostics.Activity?> PublishedUnder { get; } = new();
    public volatile bool HoldDeliveries;
    public volatile bool FailDeliveries;
    /// <summary>When set, decides per message how its delivery fails for good (e.g. too large), or None to deliver it.</summary>
    public Func<EventMessage, DeliveryFailure>? Refuse { get; set; }

    public int PendingCount => _pending.Count;

    public void Publish(string topic, EventMessage message, Action<DeliveryReport> onDelivered,
        CancellationToken cancellationToken = default)
    {
        Published.Enqueue((topic, message));
        PublishedUnder.Enqueue(System.Diagnostics.Activity.Current);
        var offset = Interlocked.Increment(ref _offset) - 1;
        var refusal = Refuse?.Invoke(message) ?? DeliveryFailure.None;
        var report = FailDeliveries ? DeliveryReport.Failed(topic, 0, "broker unavailable")
            : refusal != DeliveryFailure.None ? DeliveryReport.Failed(topic, 0, $"refused: {refusal}", refusal)
            : new DeliveryReport(topic, 0, offset, null);
        void Deliver()
        {
            log.Add(report.Delivered ? $"delivered {topic}" : $"delivery-failed {topic}");
            onDelivered(report);
        }
        // Log after the state changes: a test waiting on the log then sees the pending delivery.
        if (HoldDeliveries)
        {
            _pending.Enqueue(Deliver);
            log.Add($"publish {topic}");
        }
        else
        {
            log.Add($"publish {topic}");
            Deliver();
        }
    }

    public void DeliverPending()
    {
        while (_pending.TryDequeue(out var deliver))
        {
            deliver();
        }
    }

    public int Flush(TimeSpan timeout) => _pending.Count;

    public void Dispose()
    {
    }
}
