using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The memory curve of a pipeline run (<c>--memory-every &lt;seconds&gt;</c>): every interval, the process's working set,
/// the managed heap after the last GC, the GC counts, and the messages the embedded log retains (its topics' end − start
/// offsets; none for Kafka). <see cref="Summarise"/> gives start (the first sample after warm-up), peak and end, and the
/// trend after warm-up as a least-squares slope in MB per minute, so "flat" is a number, not a look at a chart.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<MemorySample> _samples = [];
    private readonly Func<long>? _retainedMessages;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private MemorySampler(TimeSpan every, Func<long>? retainedMessages)
    {
        _retainedMessages = retainedMessages;
        _loop = Task.Run(() => LoopAsync(every));
    }

    public static MemorySampler? Start(TimeSpan every, Func<long>? retainedMessages) =>
        every > TimeSpan.Zero ? new MemorySampler(every, retainedMessages) : null;

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    private async Task LoopAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        using var process = Process.GetCurrentProcess();
        Sample(process);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample(process);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample(Process process)
    {
        process.Refresh();
        var sample = new MemorySample(
            Math.Round(_clock.Elapsed.TotalSeconds, 1),
            Megabytes(process.WorkingSet64),
            Megabytes(GC.GetGCMemoryInfo().HeapSizeBytes),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            _retainedMessages?.Invoke());
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }

    /// <summary>Start, peak, end and the slope after <paramref name="warmUp"/>; null with fewer than two samples after it.</summary>
    public MemoryCurve? Summarise(TimeSpan warmUp)
    {
        var after = Samples.Where(s => s.Seconds >= warmUp.TotalSeconds).ToList();
        if (after.Count < 2)
        {
            return null;
        }
        var meanT = after.Average(s => s.Seconds / 60);
        var meanW = after.Average(s => s.WorkingSetMb);
        var slope = after.Sum(s => (s.Seconds / 60 - meanT) * (s.WorkingSetMb - meanW)) / after.Sum(s => Math.Pow(s.Seconds / 60 - meanT, 2));
        return new MemoryCurve(warmUp.TotalSeconds, after.Count, after[0].WorkingSetMb, after.Max(s => s.WorkingSetMb),
            after[^1].WorkingSetMb, Math.Round(slope, 2), after.Max(s => s.GcHeapMb), after.Max(s => s.RetainedMessages),
            after[^1].Gen2 - after[0].Gen2);
    }

    public string ToCsv()
    {
        var csv = new StringBuilder("seconds,working_set_mb,gc_heap_mb,gen0,gen1,gen2,retained_messages\n");
        foreach (var s in Samples)
        {
            csv.AppendLine(string.Join(',', s.Seconds.ToString(CultureInfo.InvariantCulture), s.WorkingSetMb.ToString(CultureInfo.InvariantCulture),
                s.GcHeapMb.ToString(CultureInfo.InvariantCulture), s.Gen0, s.Gen1, s.Gen2, s.RetainedMessages?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }
        return csv.ToString();
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

public sealed record MemorySample(double Seconds, double WorkingSetMb, double GcHeapMb, int Gen0, int Gen1, int Gen2, long? RetainedMessages);

/// <summary>The curve after warm-up: working set at its first sample, peak and last, its trend (MB/min), the largest managed
/// heap, the most messages the embedded log retained, and the gen-2 collections in between.</summary>
public sealed record MemoryCurve(double WarmUpSeconds, int Samples, double StartMb, double PeakMb, double EndMb,
    double SlopeMbPerMinute, double PeakGcHeapMb, long? PeakRetainedMessages, int Gen2Collections);
