using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The memory curve of a pipeline run (<c>--memory-every &lt;seconds&gt;</c>): every interval, the process's working set,
/// the managed heap after the last GC, the GC counts, and the messages the embedded log retains (its topics' end − start
/// offsets; none for Kafka), and how much of the working set is the benchmark's own latency record (24 bytes per stored
/// event, preallocated but made resident by the OS only as it fills: at 5,000/s that alone grows 7.2 MB a minute).
/// <see cref="Summarise"/> gives start (the first sample after warm-up), peak and end, and the trend after warm-up as a
/// least-squares slope in MB per minute of the working set without that record, so "flat" is a number, not a look at a chart.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<MemorySample> _samples = [];
    private readonly Func<long>? _retainedMessages;
    private readonly Func<long> _recorderBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private MemorySampler(TimeSpan every, Func<long>? retainedMessages, Func<long> recorderBytes)
    {
        _retainedMessages = retainedMessages;
        _recorderBytes = recorderBytes;
        _loop = Task.Run(() => LoopAsync(every));
    }

    public static MemorySampler? Start(TimeSpan every, Func<long>? retainedMessages, Func<long> recorderBytes) =>
        every > TimeSpan.Zero ? new MemorySampler(every, retainedMessages, recorderBytes) : null;

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
            _retainedMessages?.Invoke(), Megabytes(_recorderBytes()));
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
        var meanW = after.Average(s => s.PipelineMb);
        var slope = after.Sum(s => (s.Seconds / 60 - meanT) * (s.PipelineMb - meanW)) / after.Sum(s => Math.Pow(s.Seconds / 60 - meanT, 2));
        return new MemoryCurve(warmUp.TotalSeconds, after.Count, after[0].WorkingSetMb, after.Max(s => s.WorkingSetMb),
            after[^1].WorkingSetMb, after[^1].RecorderMb, after[0].PipelineMb, after[^1].PipelineMb, Math.Round(slope, 2),
            after.Max(s => s.GcHeapMb), after.Max(s => s.RetainedMessages), after[^1].Gen2 - after[0].Gen2);
    }

    public string ToCsv()
    {
        var csv = new StringBuilder("seconds,working_set_mb,recorder_mb,gc_heap_mb,gen0,gen1,gen2,retained_messages\n");
        foreach (var s in Samples)
        {
            csv.AppendLine(string.Join(',', s.Seconds.ToString(CultureInfo.InvariantCulture), s.WorkingSetMb.ToString(CultureInfo.InvariantCulture),
                s.RecorderMb.ToString(CultureInfo.InvariantCulture), s.GcHeapMb.ToString(CultureInfo.InvariantCulture), s.Gen0, s.Gen1, s.Gen2, s.RetainedMessages?.ToString(CultureInfo.InvariantCulture) ?? ""));
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

public sealed record MemorySample(double Seconds, double WorkingSetMb, double GcHeapMb, int Gen0, int Gen1, int Gen2,
    long? RetainedMessages, double RecorderMb)
{
    /// <summary>The working set without the benchmark's latency record.</summary>
    public double PipelineMb => Math.Round(WorkingSetMb - RecorderMb, 1);
}

/// <summary>The curve after warm-up: the working set at its first sample, peak and last, the benchmark's latency record at
/// the end, the working set without it at the first and last sample and its trend (MB/min), the largest managed heap, the
/// most messages the embedded log retained, and the gen-2 collections in between.</summary>
public sealed record MemoryCurve(double WarmUpSeconds, int Samples, double StartMb, double PeakMb, double EndMb,
    double RecorderEndMb, double PipelineStartMb, double PipelineEndMb, double PipelineSlopeMbPerMinute, double PeakGcHeapMb,
    long? PeakRetainedMessages, int Gen2Collections);
