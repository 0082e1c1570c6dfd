namespace Churn.Core.Tests.Doubles;

/// <summary>
/// An ordered log shared by the port doubles (what happened, in which order) that tests can wait on: every entry
/// wakes the waiters, which re-check their condition; no sleeping or polling.
/// </summary>
internal sealed class PipelineLog
{
    private readonly List<string> _entries = [];

    public void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
            Monitor.PulseAll(_entries);
        }
    }

    public IReadOnlyList<string> Entries
    {
        get { lock (_entries) { return [.. _entries]; } }
    }

    public int IndexOf(Func<string, bool> match)
    {
        lock (_entries) { return _entries.FindIndex(e => match(e)); }
    }

    /// <summary>Blocks until <paramref name="condition"/> holds (checked after every change) or fails the test.</summary>
    public void WaitFor(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        lock (_entries)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"timed out waiting for {what}; log: {string.Join(" | ", _entries.TakeLast(20))}");
                }
                Monitor.Wait(_entries, left);
            }
        }
    }
}
