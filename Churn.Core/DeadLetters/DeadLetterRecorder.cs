using System.Diagnostics;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Churn.Domain.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.DeadLetters;

/// <summary>
/// Consumes the dead-letter topic in its own consumer group (<see cref="DeadLetterRecorderOptions.ConsumerGroup"/>) on
/// a dedicated thread and stores every record as a <see cref="DeadLetter"/> (<see cref="DeadLetterReader"/>: whatever it
/// holds, so its own poison is recorded with what is known) through <see cref="IDeadLetterStore"/>, in batches; the
/// offsets are stored only after the batch is durable, so a crash replays it (the store ignores what it already has).
/// A failing store is retried with capped exponential backoff, the batch held; on stop the consumer is closed
/// (commits what was stored).
/// </summary>
public sealed partial class DeadLetterRecorder(
    [FromKeyedServices(DeadLetterRecorderExtensions.ConsumerKey)] IEventConsumer consumer,
    IDeadLetterStore store,
    IOptions<DeadLetterRecorderOptions> options,
    IOptions<PipelineTopicsOptions> topics,
    DeadLetterRecorderStatus status,
    DeadLetterMetrics metrics,
    TimeProvider time,
    ILogger<DeadLetterRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan ConsumeErrorPause = TimeSpan.FromMilliseconds(500);
    private readonly DeadLetterRecorderOptions _options = options.Value;
    private readonly List<ConsumedEvent> _batch = new(options.Value.MaxBatchSize);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await InitializeStoreAsync(stoppingToken);
        await Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private async Task InitializeStoreAsync(CancellationToken stopping)
    {
        var backoff = new RetryBackoff(_options.RetryInitialDelay, _options.RetryMaxDelay);
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            attempt.CancelAfter(_options.StoreTimeout);
            try
            {
                await store.InitializeAsync(attempt.Token);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                status.AttemptFailed(ex.Message);
                LogInitializationFailed(ex);
            }
            await Task.Delay(backoff.Next(), time, stopping);
        }
    }

    private void Run(CancellationToken stopping)
    {
        var topic = topics.Value.DeadLetters;
        consumer.PartitionsRevoked += DropRevoked;
        consumer.Subscribe(topic);
        status.Consuming();
        LogStarted(topic, _options.ConsumerGroup);
        var closed = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (!TryCollect(stopping))
                {
                    closed = true;
                    return;
                }
                if (_batch.Count > 0 && !TryRecord(stopping))
                {
                    return;
                }
            }
        }
        finally
        {
            consumer.PartitionsRevoked -= DropRevoked;
            status.Stopped();
            if (!closed)
            {
                consumer.Close();
            }
            LogStopped();
        }
    }

    /// <summary>Fills <see cref="_batch"/> with what has arrived; false when the consumer cannot go on.</summary>
    private bool TryCollect(CancellationToken stopping)
    {
        try
        {
            if (consumer.Consume(_options.MaxBatchWait) is not { } first)
            {
                return true;
            }
            _batch.Add(first);
            while (_batch.Count < _options.MaxBatchSize && consumer.Consume(TimeSpan.Zero) is { } next)
            {
                _batch.Add(next);
            }
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (TransportFailedException ex)
        {
            LogTransportFailed(ex);
            return false;
        }
        catch (Exception ex)
        {
            LogConsumeFailed(ex);
            stopping.WaitHandle.WaitOne(ConsumeErrorPause);
            return true;
        }
    }

    /// <summary>Stores the batch (retrying while the store fails), then its offsets; false when stopping abandoned it.</summary>
    private bool TryRecord(CancellationToken stopping)
    {
        var recordedAt = time.GetUtcNow();
        var letters = _batch.Select(record => DeadLetterReader.Read(record, recordedAt)).ToList();
        var backoff = new RetryBackoff(_options.RetryInitialDelay, _options.RetryMaxDelay);
        while (true)
        {
            using var activity = DeadLetterTelemetry.Source.StartActivity("record dead-letters");
            activity?.SetTag("messaging.batch.message_count", letters.Count);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            attempt.CancelAfter(_options.StoreTimeout);
            try
            {
                store.RecordDeadLettersAsync(letters, attempt.Token).GetAwaiter().GetResult();
                break;
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                LogAbandoned(letters.Count);
                return false;
            }
            catch (Exception ex)
            {
                activity?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
                status.AttemptFailed(ex.Message);
                metrics.StoreRetries.Add(1);
                LogStoreFailed(letters.Count, ex);
            }
            if (stopping.WaitHandle.WaitOne(backoff.Next()))
            {
                LogAbandoned(letters.Count);
                return false;
            }
        }
        status.BatchRecorded(letters.Count);
        foreach (var kind in letters.GroupBy(l => l.ReasonKind))
        {
            metrics.Recorded.Add(kind.Count(), new KeyValuePair<string, object?>("reason", kind.Key));
        }
        StoreOffsets();
        _batch.Clear();
        return true;
    }

    private void StoreOffsets()
    {
        var next = _batch.GroupBy(r => (r.Topic, r.Partition))
            .Select(g => new PartitionOffset(g.Key.Topic, g.Key.Partition, g.Max(r => r.Offset) + 1)).ToList();
        try
        {
            consumer.StoreOffsets(next);
        }
        catch (Exception ex)
        {
            // E.g. revoked meanwhile: the new owner records them again, which changes nothing.
            LogStoreOffsetsFailed(ex);
        }
    }

    private void DropRevoked(IReadOnlyList<(string Topic, int Partition)> revoked) =>
        _batch.RemoveAll(r => revoked.Contains((r.Topic, r.Partition)));

    [LoggerMessage(LogLevel.Information, "Dead-letter recorder consuming {Topic} in group {Group}")]
    private partial void LogStarted(string topic, string group);

    [LoggerMessage(LogLevel.Warning, "The store could not be initialised for the dead-letter recorder; retrying")]
    private partial void LogInitializationFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Storing {Count} dead letters failed; the batch is kept and retried, offsets not stored")]
    private partial void LogStoreFailed(int count, Exception exception);

    [LoggerMessage(LogLevel.Information, "Stopping: {Count} dead letters not stored; their offsets were not stored and they will be read again")]
    private partial void LogAbandoned(int count);

    [LoggerMessage(LogLevel.Critical, "The event transport failed for good; the dead-letter recorder stops (unhealthy)")]
    private partial void LogTransportFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Consuming the dead-letter topic failed; retrying")]
    private partial void LogConsumeFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Storing dead-letter offsets failed (the records are stored; they may be read again)")]
    private partial void LogStoreOffsetsFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "Dead-letter recorder stopped")]
    private partial void LogStopped();
}
