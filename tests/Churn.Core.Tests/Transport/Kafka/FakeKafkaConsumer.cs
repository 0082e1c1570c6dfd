using Confluent.Kafka;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// Hand-written double of Confluent's consumer: each <c>Consume</c> runs the next scripted step (return a record,
/// throw, or fire a rebalance handler as librdkafka does inside Consume); stores and lifecycle calls are recorded.
/// </summary>
internal sealed class FakeKafkaConsumer : IConsumer<string, byte[]>
{
    public Queue<Func<ConsumeResult<string, byte[]>?>> Steps { get; } = new();
    public List<TopicPartitionOffset> Stored { get; } = [];
    public HashSet<int> RevokedPartitions { get; } = [];
    public List<string> Calls { get; } = [];
    public Action? OnClose { get; set; }

    public ConsumeResult<string, byte[]>? Consume(TimeSpan timeout) => Steps.TryDequeue(out var step) ? step() : null;

    public void StoreOffset(TopicPartitionOffset offset)
    {
        if (RevokedPartitions.Contains(offset.Partition.Value))
        {
            throw new KafkaException(new Error(ErrorCode.Local_State, "Erroneous state"));
        }
        Stored.Add(offset);
    }

    public void Subscribe(string topic) => Calls.Add($"subscribe {topic}");

    public void Close()
    {
        Calls.Add("close");
        OnClose?.Invoke();
    }

    public void Dispose() => Calls.Add("dispose");

    public static ConsumeResult<string, byte[]> Record(string topic, int partition, long offset, string key, byte[] value,
        Headers? headers = null) => new()
    {
        Topic = topic,
        Partition = new Partition(partition),
        Offset = new Offset(offset),
        Message = new Message<string, byte[]> { Key = key, Value = value, Headers = headers ?? [] },
    };

    public Handle Handle => throw new NotSupportedException();
    public string Name => "fake-consumer";
    public string MemberId => "fake-member";
    public List<TopicPartition> Assignment => [];
    public List<string> Subscription => [];
    public IConsumerGroupMetadata ConsumerGroupMetadata => throw new NotSupportedException();
    public int AddBrokers(string brokers) => throw new NotSupportedException();
    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();
    public ConsumeResult<string, byte[]> Consume(int millisecondsTimeout) => throw new NotSupportedException();
    public ConsumeResult<string, byte[]> Consume(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public void Subscribe(IEnumerable<string> topics) => throw new NotSupportedException();
    public void Unsubscribe() => throw new NotSupportedException();
    public void Assign(TopicPartition partition) => throw new NotSupportedException();
    public void Assign(TopicPartitionOffset partition) => throw new NotSupportedException();
    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();
    public void Assign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();
    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void Unassign() => throw new NotSupportedException();
    public void StoreOffset(ConsumeResult<string, byte[]> result) => throw new NotSupportedException("The adapter stores explicit next offsets.");
    public List<TopicPartitionOffset> Commit() => throw new NotSupportedException("The adapter never commits synchronously.");
    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => throw new NotSupportedException();
    public void Commit(ConsumeResult<string, byte[]> result) => throw new NotSupportedException();
    public void Seek(TopicPartitionOffset tpo) => throw new NotSupportedException();
    public void Pause(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void Resume(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => throw new NotSupportedException();
    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => throw new NotSupportedException();
    public Offset Position(TopicPartition partition) => throw new NotSupportedException();
    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) => throw new NotSupportedException();
    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => throw new NotSupportedException();
    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => throw new NotSupportedException();
}
