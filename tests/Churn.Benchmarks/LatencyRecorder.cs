using System.Diagnostics.Metrics;
using Churn.Core.Scoring;

namespace Churn.Benchmarks;

/// <summary>
/// Collects every end-to-end latency (occurredAt → stored) the worker records, and counts written predictions, from the
/// worker's own <c>Churn.Scoring</c> instruments; lets the command wait until all events are written.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly double[] _latencies;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private long _written;

    public LatencyRecorder(ScoringMetrics metrics, long expected)
    {
        _latencies = new double[expected];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, metrics.EndToEndLatency) || ReferenceEquals(instrument, metrics.PredictionsWritten))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, ms, _, _) =>
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _latencies.Length)
            {
                _latencies[i] = ms;
            }
        });
        _listener.SetMeasurementEventCallback<long>((_, n, _, _) =>
        {
            if (Interlocked.Add(ref _written, n) >= expected)
            {
                _done.TrySetResult();
            }
        });
        _listener.Start();
    }

    public long Written => Interlocked.Read(ref _written);

    public Task AllWritten => _done.Task;

    /// <summary>The q-quantile (nearest rank) of the recorded latencies.</summary>
    public double Percentile(double q)
    {
        var n = (int)Math.Min(Interlocked.Read(ref _count), _latencies.Length);
        if (n == 0)
        {
            return double.NaN;
        }
        var sorted = _latencies[..n];
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)];
    }

    public void Dispose() => _listener.Dispose();
}
