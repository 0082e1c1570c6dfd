using System.Diagnostics.Metrics;
using Churn.Core.Challenger;

namespace Churn.Core.Tests.Shadow;

/// <summary>
/// Listens to one container's <c>Churn.Challenger</c> meter and lets a test wait, without polling, until the shadow
/// scorer has dealt with a number of events: written as shadow predictions, or failed (by stage).
/// </summary>
internal sealed class ShadowProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _failures = [];
    private long _written;

    public ShadowProbe(ChallengerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, metrics.Written) || ReferenceEquals(instrument, metrics.Failures)
                || ReferenceEquals(instrument, metrics.Dropped))
            {
                listener.EnableMeasurementEvents(instrument, instrument == metrics.Written ? "written" : instrument == metrics.Dropped ? "dropped" : "failed");
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            lock (_gate)
            {
                var kind = state as string;
                if (kind == "written")
                {
                    _written += value;
                }
                else
                {
                    var stage = kind == "dropped" ? "dropped" : "?";
                    foreach (var tag in tags)
                    {
                        if (tag.Key == "stage") stage = (string?)tag.Value ?? stage;
                    }
                    _failures[stage] = _failures.GetValueOrDefault(stage) + value;
                }
                Monitor.PulseAll(_gate);
            }
        });
        _listener.Start();
    }

    public long Written
    {
        get { lock (_gate) { return _written; } }
    }

    /// <summary>Events without a shadow prediction, by stage (<c>score</c>, <c>store</c>, <c>unexpected</c>, <c>dropped</c>).</summary>
    public IReadOnlyDictionary<string, long> Failures
    {
        get { lock (_gate) { return new Dictionary<string, long>(_failures); } }
    }

    /// <summary>Waits until at least <paramref name="events"/> events were written as shadow predictions or failed.</summary>
    public void WaitForHandled(long events, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        lock (_gate)
        {
            while (_written + _failures.Values.Sum() < events)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"timed out: {_written} shadow predictions written and {_failures.Values.Sum()} failed of {events}");
                }
                Monitor.Wait(_gate, left);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
