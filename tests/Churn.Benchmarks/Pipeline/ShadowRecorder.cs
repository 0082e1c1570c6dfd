using System.Diagnostics.Metrics;
using Churn.Core.Challenger;

namespace Churn.Benchmarks.Pipeline;

/// <summary>Listens to the <c>Churn.Challenger</c> meter of the run's hosts: dropped and failed events, and the shadow scorer calls.</summary>
public sealed class ShadowRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _dropped, _failed, _batches;
    private double _scoringMs;

    public ShadowRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ChallengerTelemetry.Name
                && instrument.Name is "churn.challenger.dropped" or "churn.challenger.failures" or "churn.challenger.scoring.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "churn.challenger.dropped") Interlocked.Add(ref _dropped, value);
            else Interlocked.Add(ref _failed, value);
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_listener)
            {
                _scoringMs += value;
                _batches++;
            }
        });
        _listener.Start();
    }

    public long Dropped => Interlocked.Read(ref _dropped);
    public long Failed => Interlocked.Read(ref _failed);

    public (double MeanMs, long Batches) Scoring()
    {
        lock (_listener)
        {
            return (_batches == 0 ? 0 : _scoringMs / _batches, _batches);
        }
    }

    public void Dispose() => _listener.Dispose();
}
