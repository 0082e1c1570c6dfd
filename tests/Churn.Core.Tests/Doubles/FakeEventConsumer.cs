using Churn.Core.Transport;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// A scripted <see cref="IEventConsumer"/>: returns the queued records in order; a queued revocation fires
/// <see cref="PartitionsRevoked"/> from inside Consume, as Kafka does. Remembers the offsets stored per partition.
/// </summary>
internal sealed class FakeEventConsumer(PipelineLog log) : IEventConsumer
{
    public string MessagingSystem => "test";

    private readonly Queue<object> _script = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Dictionary<(string, int), long> _stored = [];

    public event Action<IReadOnlyList<(string Topic, int Partition)>>? PartitionsRevoked;

    public string? SubscribedTopic { get; private set; }
    public bool Closed { get; private set; }

    public void Enqueue(params ConsumedEvent[] records)
    {
        lock (_script) { foreach (var r in records) _script.Enqueue(r); }
        _available.Release(records.Length);
    }

    public void EnqueueFailure(Exception failure)
    {
        lock (_script) { _script.Enqueue(failure); }
        _available.Release();
    }

    public void EnqueueRevocation(params (string Topic, int Partition)[] partitions)
    {
        lock (_script) { _script.Enqueue(partitions); }
        _available.Release();
    }

    public long? StoredOffset(string topic, int partition)
    {
        lock (_stored) { return _stored.TryGetValue((topic, partition), out var o) ? o : null; }
    }

    public void Subscribe(string topic) => SubscribedTopic = topic;

    public ConsumedEvent? Consume(TimeSpan timeout)
    {
        while (_available.Wait(timeout))
        {
            object step;
            lock (_script) { step = _script.Dequeue(); }
            if (step is ConsumedEvent record)
            {
                return record;
            }
            if (step is Exception failure)
            {
                throw failure;
            }
            var revoked = ((string, int)[])step;
            log.Add($"revoked {string.Join(",", revoked)}");
            PartitionsRevoked?.Invoke(revoked);
            log.Add($"revocation handled {string.Join(",", revoked)}");
        }
        return null;
    }

    public void StoreOffsets(IEnumerable<PartitionOffset> offsets)
    {
        foreach (var o in offsets)
        {
            lock (_stored) { _stored[(o.Topic, o.Partition)] = o.Offset; }
            log.Add($"offsets {o.Topic}[{o.Partition}]={o.Offset}");
        }
    }

    public void Close()
    {
        Closed = true;
        log.Add("closed");
    }

    public void Dispose() => _available.Dispose();
}
