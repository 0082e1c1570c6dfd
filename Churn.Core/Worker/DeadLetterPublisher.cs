using System.Globalization;
using System.Text;
using Churn.Core.Transport;

namespace Churn.Core.Worker;

/// <summary>
/// Sends poison records to the dead-letter topic: raw value bytes and key, the original headers (so the record stays
/// in its trace) plus <c>dlq-reason</c>, <c>dlq-source-topic</c>, <c>dlq-source-partition</c>, <c>dlq-source-offset</c>.
/// <see cref="PublishAndConfirmAsync"/> returns only when every delivery is confirmed, and throws otherwise, so the
/// caller never moves an offset past a record that is neither scored nor dead-lettered.
/// </summary>
public sealed class DeadLetterPublisher(IEventPublisher publisher, string topic)
{
    public async Task PublishAndConfirmAsync(IReadOnlyList<PoisonRecord> poison, TimeSpan timeout)
    {
        if (poison.Count == 0)
        {
            return;
        }
        var deliveries = new Task<DeliveryReport>[poison.Count];
        for (var i = 0; i < poison.Count; i++)
        {
            var delivered = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);
            publisher.Publish(topic, ToDeadLetter(poison[i]), report => delivered.TrySetResult(report));
            deliveries[i] = delivered.Task;
        }
        var reports = await Task.WhenAll(deliveries).WaitAsync(timeout);
        var failed = reports.FirstOrDefault(r => !r.Delivered);
        if (failed is not null)
        {
            throw new DeadLetterException($"dead-letter delivery to {topic} failed: {failed.Error}");
        }
    }

    public static EventMessage ToDeadLetter(PoisonRecord poison)
    {
        var (record, reason) = poison;
        var headers = new List<KeyValuePair<string, byte[]>>(record.Message.Headers)
        {
            Header(EventHeaders.DlqReason, reason),
            Header(EventHeaders.DlqSourceTopic, record.Topic),
            Header(EventHeaders.DlqSourcePartition, record.Partition.ToString(CultureInfo.InvariantCulture)),
            Header(EventHeaders.DlqSourceOffset, record.Offset.ToString(CultureInfo.InvariantCulture)),
        };
        return new EventMessage(record.Message.Key, record.Message.Value, headers);
    }

    private static KeyValuePair<string, byte[]> Header(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));
}
