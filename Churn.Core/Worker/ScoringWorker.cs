using Churn.Core.Serving;
using Churn.Core.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Worker;

/// <summary>
/// The consume loop, on a dedicated long-running thread (Consume blocks): collect a micro-batch (the first Consume
/// waits up to <see cref="ScoringWorkerOptions.MaxBatchWait"/>, then whatever is already buffered, up to
/// <see cref="ScoringWorkerOptions.MaxBatchSize"/>), make it durable with <see cref="BatchProcessor"/>, and only then
/// store max offset + 1 per partition. Revoked partitions' buffered records are dropped (their new owner reads them
/// again). On stop the current batch is finished and the consumer closed (commits stored offsets).
/// </summary>
public sealed partial class ScoringWorker(
    IEventConsumer consumer,
    BatchProcessor processor,
    IModelSource models,
    IOptions<ScoringWorkerOptions> options,
    IOptions<PipelineTopicsOptions> topics,
    ScoringWorkerStatus status,
    ScoringMetrics metrics,
    ILogger<ScoringWorker> logger) : BackgroundService
{
    private readonly ScoringWorkerOptions _options = options.Value;
    private static readonly TimeSpan ConsumeErrorPause = TimeSpan.FromMilliseconds(500);
    private readonly List<ConsumedEvent> _batch = new(options.Value.MaxBatchSize);
    private RetryBackoff _batchBackoff = new(options.Value.RetryInitialDelay, options.Value.RetryMaxDelay);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogWaitingForModel();
        await models.WaitForModelAsync(stoppingToken);
        await processor.InitializeStoreAsync(stoppingToken);
        await Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stopping)
    {
        consumer.PartitionsRevoked += DropRevoked;
        consumer.Subscribe(topics.Value.Customers);
        LogStarted(topics.Value.Customers, _options.MaxBatchSize, _options.MaxBatchWait.TotalMilliseconds);
        status.Consuming();
        var closed = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // A batch that failed unexpectedly is still buffered: retry it before reading more.
                if (_batch.Count == 0 && !TryCollect(stopping))
                {
                    closed = true;
                    return;
                }
                if (_batch.Count == 0)
                {
                    continue;
                }
                status.BatchStarted(_batch.Count);
                try
                {
                    processor.ProcessAsync(_batch, consumer.MessagingSystem, stopping).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    LogAbandoned(_batch.Count);
                    return;
                }
                catch (Exception ex)
                {
                    // Not one record's fault (those are dead-lettered) and not a passing outage (retried inside): a
                    // batch failure. Keep the batch, store nothing, and try it again after a growing pause rather than
                    // letting the worker die or dead-lettering what is not the records' fault.
                    metrics.BatchFailures.Add(1);
                    status.AttemptFailed(ex.Message);
                    LogBatchFailed(_batch.Count, ex);
                    stopping.WaitHandle.WaitOne(_batchBackoff.Next());
                    continue;
                }
                status.BatchWritten();
                _batchBackoff = new RetryBackoff(_options.RetryInitialDelay, _options.RetryMaxDelay);
                StoreOffsets();
                _batch.Clear();
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

    /// <summary>Fills <see cref="_batch"/>; false when the consumer has been disposed under us.</summary>
    private bool TryCollect(CancellationToken stopping)
    {
        try
        {
            var first = consumer.Consume(_options.MaxBatchWait);
            if (first is null)
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
            // The consumer cannot recover: stop the loop (the health check turns unhealthy) rather than spin on it.
            LogTransportFailed(ex);
            return false;
        }
        catch (Exception ex)
        {
            // A transport error is not a reason to die: the buffered records stay, nothing is stored, consume again.
            LogConsumeFailed(ex);
            stopping.WaitHandle.WaitOne(ConsumeErrorPause);
            return true;
        }
    }

    private void StoreOffsets()
    {
        var next = new Dictionary<(string Topic, int Partition), long>();
        foreach (var r in _batch)
        {
            var key = (r.Topic, r.Partition);
            if (!next.TryGetValue(key, out var offset) || r.Offset + 1 > offset)
            {
                next[key] = r.Offset + 1;
            }
        }
        try
        {
            consumer.StoreOffsets(next.Select(kv => new PartitionOffset(kv.Key.Topic, kv.Key.Partition, kv.Value)));
        }
        catch (Exception ex)
        {
            // E.g. the partition was revoked meanwhile: the new owner replays; the writes are idempotent.
            LogStoreOffsetsFailed(ex);
        }
    }

    private void DropRevoked(IReadOnlyList<(string Topic, int Partition)> revoked)
    {
        var dropped = _batch.RemoveAll(r => revoked.Contains((r.Topic, r.Partition)));
        LogRevoked(revoked.Count, dropped);
    }

    [LoggerMessage(LogLevel.Information, "Scoring worker waiting for a valid model")]
    private partial void LogWaitingForModel();

    [LoggerMessage(LogLevel.Information, "Scoring worker consuming {Topic} (batches of up to {MaxBatch}, first wait {WaitMs} ms)")]
    private partial void LogStarted(string topic, int maxBatch, double waitMs);

    [LoggerMessage(LogLevel.Information, "Stopping: batch of {Count} not written; its offsets were not stored and it will be replayed")]
    private partial void LogAbandoned(int count);

    [LoggerMessage(LogLevel.Error, "Batch of {Count} failed as a whole; it is kept and retried, offsets not stored")]
    private partial void LogBatchFailed(int count, Exception exception);

    [LoggerMessage(LogLevel.Information, "Scoring worker stopped")]
    private partial void LogStopped();

    [LoggerMessage(LogLevel.Critical, "The event transport failed for good; the scoring worker stops (unhealthy) and nothing more is stored")]
    private partial void LogTransportFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Consume failed; retrying")]
    private partial void LogConsumeFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Storing offsets failed (records are written; they may be replayed)")]
    private partial void LogStoreOffsetsFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "{Partitions} partitions revoked; dropped {Dropped} buffered records")]
    private partial void LogRevoked(int partitions, int dropped);
}
