using System.Text;
using Churn.Testing;
using Confluent.Kafka;

namespace Churn.Distributed.Tests;

/// <summary>Reads what the scoring processes dead-lettered, as an operator's consumer of the DLQ topic would.</summary>
public static class DeadLetterTopic
{
    public sealed record DeadLetter(string Reason, string SourceTopic, int SourcePartition, long SourceOffset, byte[] Value);

    /// <summary>Reads the topic from the beginning until <paramref name="count"/> records arrived, then a quiet second more.</summary>
    public static List<DeadLetter> Read(KafkaCluster cluster, string topic, int count, TimeSpan timeout)
    {
        var config = cluster.ConsumerConfig(KafkaCluster.NewGroup("dlq-reader"));
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        var letters = new List<DeadLetter>();
        var deadline = DateTime.UtcNow + timeout;
        var quietUntil = DateTime.MaxValue;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow < quietUntil)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } record)
            {
                continue;
            }
            var headers = record.Message.Headers;
            letters.Add(new DeadLetter(Header(headers, "dlq-reason"), Header(headers, "dlq-source-topic"),
                int.Parse(Header(headers, "dlq-source-partition"), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(Header(headers, "dlq-source-offset"), System.Globalization.CultureInfo.InvariantCulture),
                record.Message.Value));
            if (letters.Count >= count)
            {
                quietUntil = DateTime.UtcNow + TimeSpan.FromSeconds(1); // anything more would be one too many
            }
        }
        consumer.Close();
        return letters;
    }

    private static string Header(Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : "";
}
