using Churn.Core.Transport;
using Xunit;

namespace Churn.Testing.Faults;

/// <summary>
/// Wraps a real consumer so a test can crash it the way a dying process would: on the consume thread itself (the
/// consumer is single-threaded by contract), the next <see cref="Consume"/> disposes the inner consumer without
/// <see cref="IEventConsumer.Close"/> (nothing more is committed) and throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class CrashableConsumer(IEventConsumer inner) : IEventConsumer
{
    public string MessagingSystem => inner.MessagingSystem;

    private readonly ManualResetEventSlim _crashed = new();
    private volatile bool _crashRequested;

    public event Action<IReadOnlyList<(string Topic, int Partition)>>? PartitionsRevoked
    {
        add => inner.PartitionsRevoked += value;
        remove => inner.PartitionsRevoked -= value;
    }

    /// <summary>Crashes at the worker's next Consume and waits until it has happened.</summary>
    public void Crash()
    {
        CrashAtNextConsume();
        Assert.True(_crashed.Wait(TimeSpan.FromSeconds(30)), "the worker never consumed again");
    }

    /// <summary>Crashes at the worker's next Consume, without waiting (the worker may be busy retrying a batch).</summary>
    public void CrashAtNextConsume() => _crashRequested = true;

    public ConsumedEvent? Consume(TimeSpan timeout)
    {
        if (_crashRequested)
        {
            inner.Dispose();
            _crashed.Set();
            throw new ObjectDisposedException(nameof(CrashableConsumer), "crashed");
        }
        return inner.Consume(timeout);
    }

    public void Subscribe(string topic) => inner.Subscribe(topic);

    public void StoreOffsets(IEnumerable<PartitionOffset> offsets) => inner.StoreOffsets(offsets);

    public void Close() => inner.Close();

    public void Dispose() => inner.Dispose();
}
