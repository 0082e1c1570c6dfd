using System.Diagnostics;
using Churn.Core.Transport;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Churn.Kafka;

/// <summary>
/// <see cref="IEventPublisher"/> over a Confluent producer: <c>Produce</c> with a delivery handler (never an awaited
/// <c>ProduceAsync</c> per message), a <c>send {topic}</c> span whose context goes into the Kafka headers, and back-pressure
/// when librdkafka's local queue is full (wait for deliveries to drain, then retry), bounded by
/// <see cref="QueueFullTimeout"/> and the publish's cancellation token: past either, the message gets one failed
/// (transient) report and is not enqueued. Thread-safe.
/// </summary>
public sealed partial class KafkaEventPublisher(IProducer<string, byte[]> producer, TransportMetrics metrics,
    ILogger<KafkaEventPublisher> logger)
    : IEventPublisher
{
    /// <summary>How long one wait for queue space lasts before <c>Produce</c> is retried.</summary>
    public static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(100);

    private long delivered;
    private long failed;
    private long queueFullRetries;
    private bool disposed;

    /// <summary>
    /// Longest wait for space in librdkafka's full local queue before a message is given up (reported failed, transient).
    /// The default is librdkafka's own <c>message.timeout.ms</c> (5 minutes): a message that got in would have that long.
    /// </summary>
    public TimeSpan QueueFullTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long <see cref="Dispose"/> waits for in-flight messages.</summary>
    public TimeSpan DisposeFlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public long DeliveredCount => Interlocked.Read(ref delivered);
    public long FailedCount => Interlocked.Read(ref failed);
    public long QueueFullRetries => Interlocked.Read(ref queueFullRetries);

    public void Publish(string topic, EventMessage message, Action<Core.Transport.DeliveryReport> onDelivered,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var activity = SendSpan.Start(KafkaTelemetry.Source, KafkaTelemetry.MessagingSystem, topic, message, out var headers);
        var kafkaMessage = new Message<string, byte[]> { Key = message.Key, Value = message.Value, Headers = ToKafkaHeaders(headers) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                producer.Produce(topic, kafkaMessage, report => OnDelivered(report, activity, onDelivered));
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                var waited = Stopwatch.GetElapsedTime(started);
                if (cancellationToken.IsCancellationRequested || waited >= QueueFullTimeout)
                {
                    var why = cancellationToken.IsCancellationRequested
                        ? "the publish was cancelled (its deadline passed or its caller left)"
                        : $"{nameof(QueueFullTimeout)} ({QueueFullTimeout}) has passed";
                    Complete(Core.Transport.DeliveryReport.Failed(topic, -1,
                        $"{ErrorCode.Local_QueueFull}: librdkafka's local queue stayed full for {waited.TotalSeconds:F1} s and {why}; " +
                        "the message was not enqueued."), ErrorCode.Local_QueueFull, activity, onDelivered);
                    return;
                }
                // Poll() throws while background polling is on, so wait on librdkafka's own queue to drain instead.
                Interlocked.Increment(ref queueFullRetries);
                var left = QueueFullTimeout - waited;
                producer.Flush(left < QueueFullWait ? left : QueueFullWait);
            }
            catch (KafkaException e)
            {
                // Rejected before it was queued (too large, unknown partition…): report it like a failed delivery.
                Complete(Core.Transport.DeliveryReport.Failed(topic, -1, $"{e.Error.Code}: {e.Error.Reason}",
                    KafkaDeliveryFailures.Classify(e.Error.Code)), e.Error.Code, activity, onDelivered);
                return;
            }
        }
    }

    /// <summary>Flushes in slices until nothing is in flight or <paramref name="timeout"/> passes.</summary>
    public int Flush(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var remaining = producer.Flush(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            if (remaining == 0 || DateTime.UtcNow >= deadline)
            {
                return remaining;
            }
            LogFlushing(remaining);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        var remaining = Flush(DisposeFlushTimeout);
        if (remaining > 0)
        {
            LogUndelivered(remaining, DisposeFlushTimeout);
        }
        producer.Dispose();
    }

    private void OnDelivered(DeliveryReport<string, byte[]> result, System.Diagnostics.Activity? activity,
        Action<Core.Transport.DeliveryReport> onDelivered)
    {
        var report = result.Error.IsError
            ? Core.Transport.DeliveryReport.Failed(result.Topic, result.Partition.Value, $"{result.Error.Code}: {result.Error.Reason}",
                KafkaDeliveryFailures.Classify(result.Error.Code))
            : new Core.Transport.DeliveryReport(result.Topic, result.Partition.Value, result.Offset.Value, null);
        Complete(report, result.Error.IsError ? result.Error.Code : null, activity, onDelivered);
    }

    /// <summary>Counts, logs, ends the span and calls back. Runs on librdkafka's poll thread: never throws.</summary>
    private void Complete(Core.Transport.DeliveryReport report, ErrorCode? error, System.Diagnostics.Activity? activity,
        Action<Core.Transport.DeliveryReport> onDelivered)
    {
        if (report.Delivered)
        {
            Interlocked.Increment(ref delivered);
        }
        else
        {
            Interlocked.Increment(ref failed);
            LogDeliveryFailed(report.Topic, report.Error!);
        }
        var errorType = error?.ToString();
        metrics.RecordDelivery(report, errorType);
        SendSpan.Complete(activity, report, errorType);
        try
        {
            onDelivered(report);
        }
        catch (Exception e)
        {
            LogCallbackFailed(e, report.Topic);
        }
    }

    private static Headers ToKafkaHeaders(IReadOnlyList<KeyValuePair<string, byte[]>> headers)
    {
        var kafkaHeaders = new Headers();
        foreach (var (key, value) in headers)
        {
            kafkaHeaders.Add(key, value);
        }
        return kafkaHeaders;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery to {Topic} failed: {Error}")]
    private partial void LogDeliveryFailed(string topic, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery callback for {Topic} threw")]
    private partial void LogCallbackFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flushing the Kafka producer: {Remaining} messages in flight")]
    private partial void LogFlushing(int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Remaining} messages were still undelivered after {Timeout}; they are lost")]
    private partial void LogUndelivered(int remaining, TimeSpan timeout);
}
