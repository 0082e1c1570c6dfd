using Confluent.Kafka;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// Hand-written double of Confluent's producer: records what is produced, rejects the first
/// <see cref="QueueFullRejections"/> calls with Local_QueueFull, and lets the test deliver (or fail) each message.
/// </summary>
internal sealed class FakeKafkaProducer : IProducer<string, byte[]>
{
    private readonly Lock gate = new();

    public List<(string Topic, Message<string, byte[]> Message, Action<DeliveryReport<string, byte[]>> Handler)> Produced { get; } = [];
    public int QueueFullRejections { get; set; }
    public KafkaException? RejectWith { get; set; }
    public Queue<int> FlushResults { get; } = new();
    public int FlushCalls { get; private set; }
    public bool Disposed { get; private set; }

    public void Produce(string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>>? deliveryHandler = null)
    {
        lock (gate)
        {
            if (RejectWith is not null)
            {
                throw RejectWith;
            }
            if (QueueFullRejections > 0)
            {
                QueueFullRejections--;
                throw new ProduceException<string, byte[]>(new Error(ErrorCode.Local_QueueFull),
                    new DeliveryResult<string, byte[]> { Topic = topic, Message = message });
            }
            Produced.Add((topic, message, deliveryHandler!));
        }
    }

    /// <summary>Runs the delivery handler of message <paramref name="index"/>, as librdkafka's poll thread would.</summary>
    public void Deliver(int index, int partition, long offset, ErrorCode error = ErrorCode.NoError)
    {
        var (topic, message, handler) = Produced[index];
        handler(new DeliveryReport<string, byte[]>
        {
            Topic = topic,
            Partition = new Partition(partition),
            Offset = error == ErrorCode.NoError ? new Offset(offset) : Offset.Unset,
            Message = message,
            Error = new Error(error),
            Status = error == ErrorCode.NoError ? PersistenceStatus.Persisted : PersistenceStatus.NotPersisted,
        });
    }

    public int Flush(TimeSpan timeout)
    {
        FlushCalls++;
        return FlushResults.TryDequeue(out var remaining) ? remaining : 0;
    }

    public void Dispose() => Disposed = true;

    public Handle Handle => throw new NotSupportedException();
    public string Name => "fake-producer";
    public int AddBrokers(string brokers) => throw new NotSupportedException();
    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();
    public Task<DeliveryResult<string, byte[]>> ProduceAsync(string topic, Message<string, byte[]> message, CancellationToken cancellationToken = default) => throw new NotSupportedException("Never awaited per message.");
    public Task<DeliveryResult<string, byte[]>> ProduceAsync(TopicPartition topicPartition, Message<string, byte[]> message, CancellationToken cancellationToken = default) => throw new NotSupportedException("Never awaited per message.");
    public void Produce(TopicPartition topicPartition, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>>? deliveryHandler = null) => throw new NotSupportedException();
    public int Poll(TimeSpan timeout) => throw new InvalidOperationException("Poll method called, but manual polling is not enabled.");
    public void Flush(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public void InitTransactions(TimeSpan timeout) => throw new NotSupportedException();
    public void BeginTransaction() => throw new NotSupportedException();
    public void CommitTransaction(TimeSpan timeout) => throw new NotSupportedException();
    public void CommitTransaction() => throw new NotSupportedException();
    public void AbortTransaction(TimeSpan timeout) => throw new NotSupportedException();
    public void AbortTransaction() => throw new NotSupportedException();
    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) => throw new NotSupportedException();
}
