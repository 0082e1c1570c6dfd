using System.Diagnostics;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>Records every stopped span of the given sources; tests wait on a condition over them (no polling).</summary>
internal sealed class SpanCollector : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public SpanCollector(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (_spans)
                {
                    _spans.Add(a);
                    Monitor.PulseAll(_spans);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans
    {
        get { lock (_spans) { return [.. _spans]; } }
    }

    public void WaitFor(Func<IReadOnlyList<Activity>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        lock (_spans)
        {
            while (!condition(_spans))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"timed out waiting for {what}; spans: {string.Join(", ", _spans.Select(s => s.OperationName))}");
                }
                Monitor.Wait(_spans, left);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
