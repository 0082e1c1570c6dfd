using Churn.Core.Serving;
using Churn.Core.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Worker;

/// <summary>
/// The consume loop, on a dedicated long-running thread (Consume blocks), in two overlapping stages: collect a
/// micro-batch (the first Consume waits up to <see cref="ScoringWorkerOptions.MaxBatchWait"/>, then whatever is already
/// buffered, up to <see cref="ScoringWorkerOptions.MaxBatchSize"/>) and prepare it (<see cref="BatchProcessor.Prepare"/>:
/// read and score) while the previous batch is being written (<see cref="BatchProcessor.CompleteAsync"/>, one write in
/// flight). Offsets are stored on this thread, max offset + 1 per partition, only after the batch's write returned, and
/// batches are written in the order they were consumed, so offsets advance in order per partition. A write that fails
/// keeps its batch: it is retried alone, after a growing pause, before anything consumed after it. On revocation the
/// write in flight is finished first (its offsets stored while the partitions are still ours), then the unwritten records of
/// the revoked partitions are dropped (their new owner reads them again). On stop the write in flight is finished
/// (or abandoned when its retries are cancelled), what was not handed to it is dropped unstored, and the consumer closed
/// (commits stored offsets).
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
    /// <summary>Consumed, not yet handed to the writer.</summary>
    private List<ConsumedEvent> _batch = new(options.Value.MaxBatchSize);
    /// <summary>The write in flight and its records.</summary>
    private (Task Write, IReadOnlyList<ConsumedEvent> Records)? _writing;
    /// <summary>A batch whose write failed: retried alone before anything else.</summary>
    private IReadOnlyList<ConsumedEvent>? _failed;
    private RetryBackoff _batchBackoff = new(options.Value.RetryInitialDelay, options.Value.RetryMaxDelay);
    private CancellationToken _stopping;

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
        _stopping = stopping;
        consumer.PartitionsRevoked += DropRevoked;
        consumer.Subscribe(topics.Value.Customers);
        LogStarted(topics.Value.Customers, _options.MaxBatchSize, _options.MaxBatchWait.TotalMilliseconds);
        status.Consuming();
        var closed = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (_failed is not null)
                {
                    RetryFailed();
                    continue;
                }
                if (_batch.Count == 0 && !TryCollect(stopping))
                {
                    closed = true;
                    return;
                }
                if (_batch.Count == 0)
                {
                    if (_writing is { Write.IsCompleted: true })
                    {
                        FinishWrite();
                    }
                    continue;
                }
                HandOff();
            }
        }
        finally
        {
            consumer.PartitionsRevoked -= DropRevoked;
            if (_writing is not null)
            {
                FinishWrite();
            }
            status.Stopped();
            if (!closed)
            {
                consumer.Close();
            }
            LogStopped();
        }
    }

    /// <summary>Prepares the collected batch, waits for the write in flight, and starts this batch's write.</summary>
    private void HandOff()
    {
        PreparedBatch prepared;
        try
        {
            prepared = processor.Prepare(_batch, consumer.MessagingSystem);
        }
        catch (Exception ex)
        {
            // The model failed most of the batch: after the write in flight, the batch is retried like a failed write.
            if (_writing is null || FinishWrite())
            {
                Failed(_batch, ex);
                _batch = new List<ConsumedEvent>(_options.MaxBatchSize);
            }
            return;
        }
        if (_writing is not null && !FinishWrite())
        {
            // Written after the failed batch: the scores are dropped (cheap to redo), the records stay collected.
            prepared.Trace.Complete();
            return;
        }
        status.BatchStarted(_batch.Count);
        _writing = (Task.Run(() => processor.CompleteAsync(prepared, _stopping)), _batch);
        _batch = new List<ConsumedEvent>(_options.MaxBatchSize);
    }

    /// <summary>Waits for the write in flight; true when it wrote its batch (offsets stored).</summary>
    private bool FinishWrite()
    {
        var (write, records) = _writing!.Value;
        _writing = null;
        try
        {
            write.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            LogAbandoned(records.Count);
            return false;
        }
        catch (Exception ex)
        {
            Failed(records, ex);
            return false;
        }
        Written(records);
        return true;
    }

    /// <summary>Not one record's fault (those are dead-lettered) and not a passing outage (retried inside): a batch
    /// failure. The batch is kept, nothing is stored, and it is tried again after a growing pause rather than letting
    /// the worker die or dead-lettering what is not the records' fault.</summary>
    private void Failed(IReadOnlyList<ConsumedEvent> records, Exception ex)
    {
        metrics.BatchFailures.Add(1);
        status.AttemptFailed(ex.Message);
        LogBatchFailed(records.Count, ex);
        _failed = records;
    }

    private void RetryFailed()
    {
        var records = _failed!;
        if (_stopping.WaitHandle.WaitOne(_batchBackoff.Next()))
        {
            return;
        }
        _failed = null;
        status.BatchStarted(records.Count);
        try
        {
            processor.ProcessAsync(records, consumer.MessagingSystem, _stopping).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            LogAbandoned(records.Count);
            return;
        }
        catch (Exception ex)
        {
            Failed(records, ex);
            return;
        }
        Written(records);
    }

    private void Written(IReadOnlyList<ConsumedEvent> records)
    {
        status.BatchWritten();
        _batchBackoff = new RetryBackoff(_options.RetryInitialDelay, _options.RetryMaxDelay);
        StoreOffsets(records);
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

    private void StoreOffsets(IReadOnlyList<ConsumedEvent> records)
    {
        var next = new Dictionary<(string Topic, int Partition), long>();
        foreach (var r in records)
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
        if (_writing is not null)
        {
            FinishWrite();
        }
        var dropped = _batch.RemoveAll(r => revoked.Contains((r.Topic, r.Partition)));
        if (_failed is not null)
        {
            var kept = _failed.Where(r => !revoked.Contains((r.Topic, r.Partition))).ToList();
            dropped += _failed.Count - kept.Count;
            _failed = kept.Count > 0 ? kept : null;
            if (_failed is null)
            {
                status.BatchWritten(); // nothing of it is ours any more
            }
        }
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
