using System.Diagnostics.Metrics;
using Churn.Core.Worker;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>
/// Listens to one container's <c>Churn.Scoring</c> meter and lets a test wait, without polling, until a number of
/// predictions has been written.
/// </summary>
internal sealed class PipelineProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private long _written;

    public PipelineProbe(ScoringMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, metrics.PredictionsWritten))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            lock (_gate)
            {
                _written += value;
                Monitor.PulseAll(_gate);
            }
        });
        _listener.Start();
    }

    public long Written
    {
        get { lock (_gate) { return _written; } }
    }

    public void WaitForWritten(long atLeast, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        lock (_gate)
        {
            while (_written < atLeast)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"timed out: {_written} of {atLeast} predictions written");
                }
                Monitor.Wait(_gate, left);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
