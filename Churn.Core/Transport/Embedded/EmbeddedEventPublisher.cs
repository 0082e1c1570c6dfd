namespace Churn.Core.Transport.Embedded;

/// <summary>
/// Appends to the in-process log, partitioned by key. Thread-safe. The delivery report (with the assigned offset)
/// is delivered on the publishing thread before <see cref="Publish"/> returns; a partition that stays full for
/// <see cref="EmbeddedTransportOptions.MessageTimeout"/>, or until the publish's cancellation token fires, yields a
/// failed (transient) report instead. Each message gets a
/// <c>send {topic}</c> span whose context travels in its headers, exactly as on Kafka.
/// </summary>
public sealed class EmbeddedEventPublisher : IEventPublisher
{
    private readonly EmbeddedEventLog log;
    private readonly TransportMetrics? metrics;
    private readonly object flushLock = new();
    private int inFlight;
    private bool disposed;

    internal EmbeddedEventPublisher(EmbeddedEventLog log, TransportMetrics? metrics) => (this.log, this.metrics) = (log, metrics);

    public void Publish(string topic, EventMessage message, Action<DeliveryReport> onDelivered,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var topicLog = log.Topic(topic);
        var partition = KeyPartitioner.PartitionFor(message.Key, topicLog.PartitionCount);
        var activity = SendSpan.Start(EmbeddedTransportTelemetry.Source, EmbeddedTransportTelemetry.MessagingSystem, topic,
            message, out var headers);
        var stored = ReferenceEquals(headers, message.Headers) ? message : message with { Headers = headers };
        Interlocked.Increment(ref inFlight);
        try
        {
            var offset = topicLog.Append(partition, stored, log.Options.MessageTimeout, cancellationToken);
            var report = offset >= 0
                ? new DeliveryReport(topic, partition, offset, null)
                : DeliveryReport.Failed(topic, partition, offset switch
                {
                    TopicLog.TimedOut => $"Timed out after {log.Options.MessageTimeout} waiting for space in {topic}[{partition}]: " +
                        $"its consumer groups have not committed (capacity {log.Options.PartitionCapacity}).",
                    TopicLog.Cancelled => $"Gave up waiting for space in {topic}[{partition}]: the publish was cancelled (its deadline " +
                        $"passed or its caller left) while the partition had no space (capacity {log.Options.PartitionCapacity}, " +
                        "uncommitted by its consumer groups).",
                    _ => "The embedded event log is closed.",
                });
            var errorType = offset switch { >= 0 => null, TopicLog.TimedOut => "timeout", TopicLog.Cancelled => "cancelled", _ => "closed" };
            metrics?.RecordDelivery(report, errorType);
            SendSpan.Complete(activity, report, errorType);
            onDelivered(report);
        }
        finally
        {
            if (Interlocked.Decrement(ref inFlight) == 0)
            {
                lock (flushLock)
                {
                    Monitor.PulseAll(flushLock);
                }
            }
        }
    }

    /// <summary>Waits for publishes still blocked on a full partition (reports are otherwise immediate).</summary>
    public int Flush(TimeSpan timeout)
    {
        var deadline = Deadline.After(timeout);
        lock (flushLock)
        {
            while (Volatile.Read(ref inFlight) > 0)
            {
                var remaining = Deadline.Remaining(deadline);
                if (remaining == 0)
                {
                    break;
                }
                Monitor.Wait(flushLock, remaining);
            }
            return Volatile.Read(ref inFlight);
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            Flush(TimeSpan.FromSeconds(5));
            disposed = true;
        }
    }
}
