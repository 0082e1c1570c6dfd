using System.Text;
using Churn.Core.Transport;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Churn.Kafka;

/// <summary>
/// <see cref="IEventConsumer"/> over a Confluent consumer configured for at-least-once (auto-store off, auto-commit
/// on; see <see cref="KafkaClientDefaults"/>). Offsets move only through <see cref="StoreOffsets"/>; a store for a
/// partition we no longer own (Kafka's <c>Local_State</c>) is dropped. Revoked and lost partitions raise
/// <see cref="PartitionsRevoked"/>. A record whose key cannot be decoded comes back as a poison
/// <see cref="ConsumedEvent"/> with its raw bytes and position, for the caller to dead-letter.
/// Build it with <see cref="KafkaClientFactory.BuildConsumer"/> so the rebalance handlers reach it.
/// </summary>
public sealed partial class KafkaEventConsumer(IConsumer<string, byte[]> consumer, ILogger<KafkaEventConsumer> logger)
    : IEventConsumer
{
    /// <summary>Header that carries a poison record's undecodable key bytes.</summary>
    public const string RawKeyHeader = "poison-raw-key";

    private bool closed;
    private bool disposed;

    public event Action<IReadOnlyList<(string Topic, int Partition)>>? PartitionsRevoked;

    public string MessagingSystem => KafkaTelemetry.MessagingSystem;

    public IConsumer<string, byte[]> Client => consumer;

    public void Subscribe(string topic) => consumer.Subscribe(topic);

    public ConsumedEvent? Consume(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            var result = consumer.Consume(timeout);
            if (result is null || result.IsPartitionEOF)
            {
                return null;
            }
            var message = new EventMessage(result.Message.Key ?? "", result.Message.Value ?? [], ToHeaders(result.Message.Headers));
            return new ConsumedEvent(result.Topic, result.Partition.Value, result.Offset.Value, message)
            {
                Timestamp = Time(result.Message.Timestamp),
            };
        }
        catch (ConsumeException e) when (e.Error.Code is ErrorCode.Local_KeyDeserialization or ErrorCode.Local_ValueDeserialization)
        {
            return Poison(e);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            // UnknownTopicOrPart until the producer creates the topic, transient broker errors: keep polling.
            LogConsumeError(e.Error.Code, e.Error.Reason);
            return null;
        }
        catch (KafkaException e) when (e.Error.IsFatal)
        {
            throw new TransportFailedException($"The Kafka consumer failed fatally: {e.Error.Code} {e.Error.Reason}", e);
        }
    }

    /// <summary>Each offset is the next one to read (last processed + 1), as Kafka's <c>StoreOffset(TopicPartitionOffset)</c> expects.</summary>
    public void StoreOffsets(IEnumerable<PartitionOffset> offsets)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        foreach (var (topic, partition, offset) in offsets)
        {
            try
            {
                consumer.StoreOffset(new TopicPartitionOffset(topic, new Partition(partition), new Offset(offset)));
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_State)
            {
                LogStoreOnRevoked(topic, partition, offset);
            }
        }
    }

    /// <summary>Commits stored offsets and leaves the group (the revoked handler runs inside).</summary>
    public void Close()
    {
        if (closed || disposed)
        {
            return;
        }
        closed = true;
        try
        {
            consumer.Close();
        }
        catch (KafkaException e)
        {
            LogCloseFailed(e);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        consumer.Dispose();
    }

    internal void OnAssigned(IReadOnlyCollection<TopicPartition> partitions) =>
        LogAssigned(string.Join(", ", partitions.Select(p => p.ToString())));

    internal void OnRevoked(IReadOnlyCollection<TopicPartitionOffset> partitions)
    {
        LogRevoked(string.Join(", ", partitions.Select(p => p.TopicPartition.ToString())));
        Raise(partitions);
    }

    internal void OnLost(IReadOnlyCollection<TopicPartitionOffset> partitions)
    {
        LogLost(string.Join(", ", partitions.Select(p => p.TopicPartition.ToString())));
        Raise(partitions);
    }

    private void Raise(IReadOnlyCollection<TopicPartitionOffset> partitions)
    {
        if (partitions.Count > 0)
        {
            PartitionsRevoked?.Invoke(partitions.Select(p => (p.Topic, p.Partition.Value)).ToList());
        }
    }

    private ConsumedEvent? Poison(ConsumeException e)
    {
        var record = e.ConsumerRecord;
        if (record?.Message is null)
        {
            LogConsumeError(e.Error.Code, e.Error.Reason);
            return null;
        }
        var headers = ToHeaders(record.Message.Headers);
        if (record.Message.Key is { } rawKey)
        {
            headers.Add(new(RawKeyHeader, rawKey));
        }
        var key = record.Message.Key is null ? "" : Encoding.UTF8.GetString(record.Message.Key);
        var reason = $"{e.Error.Code}: {e.Error.Reason}";
        LogPoison(record.Topic, record.Partition.Value, record.Offset.Value, reason);
        return new ConsumedEvent(record.Topic, record.Partition.Value, record.Offset.Value,
            new EventMessage(key, record.Message.Value ?? [], headers)) { PoisonReason = reason, Timestamp = Time(record.Message.Timestamp) };
    }

    /// <summary>The record's timestamp (CreateTime or LogAppendTime), when it has one.</summary>
    private static DateTimeOffset? Time(Timestamp timestamp) =>
        timestamp.Type == TimestampType.NotAvailable ? null : DateTimeOffset.FromUnixTimeMilliseconds(timestamp.UnixTimestampMs);

    private static List<KeyValuePair<string, byte[]>> ToHeaders(Headers? headers)
    {
        var list = new List<KeyValuePair<string, byte[]>>(headers?.Count ?? 0);
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                list.Add(new(header.Key, header.GetValueBytes() ?? []));
            }
        }
        return list;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consume error {Code}: {Reason}")]
    private partial void LogConsumeError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poison record at {Topic}[{Partition}]@{Offset}: {Reason}")]
    private partial void LogPoison(string topic, int partition, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped stored offset {Offset} for {Topic}[{Partition}]: the partition is no longer assigned")]
    private partial void LogStoreOnRevoked(string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    private partial void LogAssigned(string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}")]
    private partial void LogRevoked(string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partitions lost (no commit): {Partitions}")]
    private partial void LogLost(string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the Kafka consumer failed")]
    private partial void LogCloseFailed(Exception exception);
}
