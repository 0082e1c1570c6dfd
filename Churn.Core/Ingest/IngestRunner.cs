using Churn.Core.Transport;
using Microsoft.Extensions.Logging;

namespace Churn.Core.Ingest;

/// <summary>
/// Drives items through <see cref="IngestPublisher"/> at a rate, logs progress, and flushes the transport at the end
/// (also when cancelled), so every published item has a delivery report before the run returns.
/// </summary>
public sealed partial class IngestRunner(IngestPublisher publisher, IEventPublisher transport, TimeProvider time,
    ILogger<IngestRunner> logger)
{
    public async Task<IngestSummary> RunAsync(IEnumerable<IngestItem> items, double rate, TimeSpan progressInterval,
        TimeSpan flushTimeout, CancellationToken cancellationToken)
    {
        long read = 0, delivered = 0, rejected = 0, failed = 0;
        void Count(DeliveryReport report)
        {
            if (!report.Delivered) Interlocked.Increment(ref failed);
            else if (report.Topic == publisher.Topics.DeadLetters) Interlocked.Increment(ref rejected);
            else Interlocked.Increment(ref delivered);
        }
        var started = time.GetTimestamp();
        var nextProgress = progressInterval;
        var pacer = new RatePacer(rate, time);
        try
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await pacer.WaitTurnAsync(cancellationToken);
                publisher.Publish(item, asRootTrace: true, Count);
                read++;
                if (time.GetElapsedTime(started) >= nextProgress)
                {
                    nextProgress += progressInterval;
                    LogProgress(read, Interlocked.Read(ref delivered), Interlocked.Read(ref rejected), read / time.GetElapsedTime(started).TotalSeconds);
                }
            }
        }
        finally
        {
            var left = transport.Flush(flushTimeout);
            if (left > 0)
            {
                LogFlushIncomplete(left);
            }
        }
        var summary = new IngestSummary(read, Interlocked.Read(ref delivered), Interlocked.Read(ref rejected),
            Interlocked.Read(ref failed), time.GetElapsedTime(started));
        LogDone(summary.Read, summary.Delivered, summary.Rejected, summary.DeliveryFailures, summary.Elapsed.TotalSeconds,
            summary.EventsPerSecond);
        return summary;
    }

    [LoggerMessage(LogLevel.Information, "Ingest progress: {Read} read, {Delivered} delivered, {Rejected} rejected ({Rate:F0}/s)")]
    private partial void LogProgress(long read, long delivered, long rejected, double rate);

    [LoggerMessage(LogLevel.Warning, "Flush timed out with {Left} messages still in flight")]
    private partial void LogFlushIncomplete(int left);

    [LoggerMessage(LogLevel.Information,
        "Ingest done: {Read} read, {Delivered} delivered, {Rejected} rejected to the DLQ, {Failed} delivery failures in {Seconds:F1} s ({Rate:F0} events/s)")]
    private partial void LogDone(long read, long delivered, long rejected, long failed, double seconds, double rate);
}
