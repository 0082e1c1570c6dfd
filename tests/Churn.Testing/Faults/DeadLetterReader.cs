using System.Globalization;
using Churn.Core.Transport;

namespace Churn.Testing.Faults;

/// <summary>Reads the dead-letter topic as an operator's consumer would, keyed by each letter's source coordinates.</summary>
public sealed class DeadLetterReader(IEventConsumer consumer) : IDisposable
{
    private readonly Dictionary<(int Partition, long Offset), (string SourceTopic, string Reason)> _letters = [];

    /// <summary>Each dead letter by the position of the record it stands for: its source topic and reason.</summary>
    public IReadOnlyDictionary<(int Partition, long Offset), (string SourceTopic, string Reason)> Letters => _letters;

    public static DeadLetterReader Subscribe(ITestTransport transport)
    {
        var consumer = transport.CreateConsumer($"fault-dlq-reader-{Guid.NewGuid():N}");
        consumer.Subscribe(transport.Topics.DeadLetters);
        return new DeadLetterReader(consumer);
    }

    /// <summary>Reads what arrived within <paramref name="budget"/>. A dead letter sent twice (at-least-once) counts once.</summary>
    public void Drain(TimeSpan budget)
    {
        var deadline = DateTime.UtcNow + budget;
        while (DateTime.UtcNow < deadline && consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } letter)
        {
            var message = letter.Message;
            var source = (int.Parse(message.Header(EventHeaders.DlqSourcePartition)!, CultureInfo.InvariantCulture),
                long.Parse(message.Header(EventHeaders.DlqSourceOffset)!, CultureInfo.InvariantCulture));
            _letters[source] = (message.Header(EventHeaders.DlqSourceTopic)!, message.Header(EventHeaders.DlqReason)!);
        }
    }

    public void Dispose()
    {
        consumer.Close();
        consumer.Dispose();
    }
}
