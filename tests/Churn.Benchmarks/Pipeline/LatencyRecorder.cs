using Churn.Domain.Predictions;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// Measurement only: the latencies of every durable write of a run, from each prediction's occurredAt and from its
/// ingest time, and how long each batch's write took; shared by the run's scoring hosts (one embedded worker, or N
/// Kafka workers). Signals when <c>expected</c> rows are stored. <see cref="AfterFirstSecond"/> leaves out the events
/// that occurred in the run's first second (JIT, first fetches and first writes: the start-up tail).
/// </summary>
public sealed class LatencyRecorder(long expected)
{
    /// <summary>What recording one event holds: its two latencies and its occurredAt ticks, 8 bytes each.</summary>
    public const long BytesPerEvent = 24;

    private readonly Lock _gate = new();
    private readonly List<double> _fromOccurred = new((int)Math.Min(expected, 10_000_000));
    private readonly List<double> _fromIngested = new((int)Math.Min(expected, 10_000_000));
    private readonly List<double> _writes = [];
    private readonly List<long> _occurredTicks = new((int)Math.Min(expected, 10_000_000));
    private readonly TaskCompletionSource _allStored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _batches;

    public Task AllStored => _allStored.Task;
    public DateTimeOffset LastStoredAt { get; private set; }

    public long Recorded
    {
        get
        {
            lock (_gate)
            {
                return _fromOccurred.Count;
            }
        }
    }

    public (double[] FromOccurred, double[] FromIngested, double[] BatchWrites, long Batches) Snapshot()
    {
        lock (_gate)
        {
            return (_fromOccurred.ToArray(), _fromIngested.ToArray(), _writes.ToArray(), _batches);
        }
    }

    /// <summary>occurredAt→stored of the events that occurred at least 1 s after the run's first event.</summary>
    public double[] AfterFirstSecond()
    {
        lock (_gate)
        {
            if (_occurredTicks.Count == 0)
            {
                return [];
            }
            var from = _occurredTicks.Min() + TimeSpan.TicksPerSecond;
            return [.. _fromOccurred.Where((_, i) => _occurredTicks[i] >= from)];
        }
    }

    /// <summary>A batch that has just become durable at <paramref name="now"/>, its write having taken <paramref name="write"/>.</summary>
    public void Stored(IReadOnlyList<Prediction> predictions, DateTimeOffset now, TimeSpan write)
    {
        lock (_gate)
        {
            _writes.Add(write.TotalMilliseconds);
            foreach (var p in predictions)
            {
                _fromOccurred.Add((now - p.OccurredAt).TotalMilliseconds);
                _occurredTicks.Add(p.OccurredAt.UtcTicks);
                _fromIngested.Add((now - p.IngestedAt).TotalMilliseconds);
            }
            _batches++;
            LastStoredAt = now;
            if (_fromOccurred.Count >= expected)
            {
                _allStored.TrySetResult();
            }
        }
    }
}
