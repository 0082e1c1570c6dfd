using System.Globalization;
using System.Text;
using System.Text.Json;
using Churn.Core.Transport;
using Microsoft.Extensions.Logging;

namespace Churn.Core.Worker;

/// <summary>
/// Sends poison records to the dead-letter topic: raw value bytes and key, the original headers (so the record stays
/// in its trace) plus <c>dlq-reason</c>, <c>dlq-source-topic</c>, <c>dlq-source-partition</c>, <c>dlq-source-offset</c>.
/// <see cref="DeliverAsync"/> returns when every record has an outcome: delivered; or, when the transport can never
/// take it (too large, the topic refuses), delivered as a small envelope (reason, source, size, a prefix of the value);
/// or, when even that is refused, given up on — logged at Error and counted, so the stream moves on. A transient
/// failure is sent again after a backoff; a delivery still pending is waited for, never published a second time.
/// </summary>
public sealed partial class DeadLetterPublisher(IEventPublisher publisher, string topic, ScoringMetrics metrics, ILogger logger)
{
    public const string EnvelopeHeader = "dlq-envelope";
    public const int EnvelopeValuePrefixBytes = 1024;

    public async Task DeliverAsync(IReadOnlyList<PoisonRecord> poison, Retrier retrier, TimeSpan timeout, CancellationToken stopping)
    {
        var deliveries = poison.Select(p => Send(p, ToDeadLetter(p), envelope: false)).ToList();
        while (deliveries.Count > 0)
        {
            try
            {
                await Task.WhenAll(deliveries.Select(d => d.Report)).WaitAsync(timeout, stopping);
            }
            catch (TimeoutException)
            {
                retrier.Failed($"dead-letter delivery to {topic}", new TimeoutException(
                    $"{deliveries.Count(d => !d.Report.IsCompleted)} deliveries still pending after {timeout}; waiting for them, not sending again"));
                continue;
            }
            var again = new List<Delivery>();
            var next = new List<Delivery>();
            foreach (var delivery in deliveries)
            {
                var report = delivery.Report.Result;
                var record = delivery.Poison.Record;
                switch (report.Failure)
                {
                    case DeliveryFailure.None:
                        break;
                    case DeliveryFailure.Transient:
                        again.Add(delivery);
                        break;
                    case DeliveryFailure.TooLarge or DeliveryFailure.Refused when !delivery.Envelope:
                        LogEnvelope(record.Topic, record.Partition, record.Offset, report.Error!);
                        next.Add(Send(delivery.Poison, ToEnvelope(delivery.Poison, report.Error!), envelope: true));
                        break;
                    default:
                        metrics.DeadLettersUndeliverable.Add(1);
                        LogUndeliverable(record.Topic, record.Partition, record.Offset, delivery.Poison.Reason, report.Error!);
                        break;
                }
            }
            if (again.Count > 0)
            {
                retrier.Failed($"dead-letter delivery to {topic}", new IOException(
                    $"{again.Count} deliveries failed transiently ({again[0].Report.Result.Error}); sending them again"));
                await retrier.DelayAsync(stopping);
                next.AddRange(again.Select(d => Send(d.Poison, d.Message, d.Envelope)));
            }
            deliveries = next;
        }
    }

    public static EventMessage ToDeadLetter(PoisonRecord poison)
    {
        var (record, reason) = poison;
        return new EventMessage(record.Message.Key, record.Message.Value, [.. record.Message.Headers, .. Coordinates(poison)]);
    }

    /// <summary>
    /// What is sent instead of a record the transport can never take: where it came from, why it is poison, why the
    /// dead-letter topic refused it, its size, and the first <see cref="EnvelopeValuePrefixBytes"/> bytes of its value.
    /// </summary>
    public static EventMessage ToEnvelope(PoisonRecord poison, string deliveryError)
    {
        var (record, reason) = poison;
        var value = record.Message.Value;
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["reason"] = reason,
            ["deliveryError"] = deliveryError,
            ["sourceTopic"] = record.Topic,
            ["sourcePartition"] = record.Partition,
            ["sourceOffset"] = record.Offset,
            ["valueBytes"] = value.Length,
            ["valuePrefixBase64"] = Convert.ToBase64String(value.AsSpan(0, Math.Min(value.Length, EnvelopeValuePrefixBytes))),
        });
        var key = record.Message.Key.Length <= 256 ? record.Message.Key : record.Message.Key[..256];
        return new EventMessage(key, envelope, [.. Coordinates(poison), Header(EnvelopeHeader, "true")]);
    }

    private Delivery Send(PoisonRecord poison, EventMessage message, bool envelope)
    {
        var delivered = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Publish(topic, message, report => delivered.TrySetResult(report));
        return new Delivery(poison, message, envelope, delivered.Task);
    }

    private static KeyValuePair<string, byte[]>[] Coordinates(PoisonRecord poison) =>
    [
        Header(EventHeaders.DlqReason, poison.Reason),
        Header(EventHeaders.DlqSourceTopic, poison.Record.Topic),
        Header(EventHeaders.DlqSourcePartition, poison.Record.Partition.ToString(CultureInfo.InvariantCulture)),
        Header(EventHeaders.DlqSourceOffset, poison.Record.Offset.ToString(CultureInfo.InvariantCulture)),
    ];

    private static KeyValuePair<string, byte[]> Header(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));

    private sealed record Delivery(PoisonRecord Poison, EventMessage Message, bool Envelope, Task<DeliveryReport> Report);

    [LoggerMessage(LogLevel.Warning, "The dead-letter topic cannot take record {Topic}[{Partition}]@{Offset} ({Error}); sending an envelope with its reason, source and a prefix instead")]
    private partial void LogEnvelope(string topic, int partition, long offset, string error);

    [LoggerMessage(LogLevel.Error, "Record {Topic}[{Partition}]@{Offset} could not be dead-lettered at all and is given up ({Reason}; dead-letter topic: {Error})")]
    private partial void LogUndeliverable(string topic, int partition, long offset, string reason, string error);
}
