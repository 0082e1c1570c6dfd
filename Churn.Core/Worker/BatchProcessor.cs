using System.Diagnostics.Metrics;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.Events;
using Churn.Domain.Predictions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Worker;

/// <summary>
/// Makes one micro-batch durable: deserialize each record (poison → dead-letter topic, delivery confirmed), score all
/// valid records in one call on ONE model snapshot, register the model card on first use, upsert the predictions.
/// Infrastructure failures (store, dead-letter delivery) are retried with capped exponential backoff and never skip
/// the batch; <see cref="ProcessAsync"/> returns only when every record is written or dead-lettered, so the caller may
/// then store the offsets. It throws only <see cref="OperationCanceledException"/> when the host stops mid-retry.
/// </summary>
public sealed partial class BatchProcessor(
    IModelSource models,
    IPredictionStore store,
    IEventPublisher deadLetterPublisher,
    IOptions<PipelineTopicsOptions> topics,
    ScoringMetrics metrics,
    IOptions<ScoringWorkerOptions> options,
    TimeProvider time,
    ILogger<BatchProcessor> logger)
{
    private readonly ScoringWorkerOptions _options = options.Value;
    private readonly DeadLetterPublisher _deadLetters = new(deadLetterPublisher, topics.Value.DeadLetters);
    private string? _registeredVersion;

    /// <summary>Creates the store's tables/indexes before the first batch, retrying while the store is unreachable.</summary>
    public Task InitializeStoreAsync(CancellationToken stopping) =>
        RetryAsync("store initialisation", () => store.InitializeAsync(stopping), stopping);

    public async Task ProcessAsync(IReadOnlyList<ConsumedEvent> batch, string messagingSystem, CancellationToken stopping)
    {
        metrics.BatchSize.Record(batch.Count);
        var trace = new BatchTrace(batch, messagingSystem);
        trace.Start();
        try
        {
            var poison = new List<PoisonRecord>();
            var valid = Deserialize(batch, poison, trace);
            using var lease = models.Acquire();
            var predictions = BatchScorer.Score(lease.Scorer, batch, valid, poison, trace, time);
            await DeadLetterAsync(poison, stopping);
            if (predictions.Items.Count > 0)
            {
                await EnsureModelRegisteredAsync(lease, stopping);
                await WriteAsync(batch, predictions, trace, stopping);
            }
        }
        finally
        {
            trace.Complete();
        }
    }

    private List<(int Index, CustomerEvent Event)> Deserialize(IReadOnlyList<ConsumedEvent> batch, List<PoisonRecord> poison,
        BatchTrace trace)
    {
        var valid = new List<(int, CustomerEvent)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].PoisonReason is { } transportReason)
            {
                poison.Add(new PoisonRecord(batch[i], $"undecodable record: {transportReason}"));
                trace.DeadLettered(i, transportReason);
                LogPoison(batch[i].Topic, batch[i].Partition, batch[i].Offset, transportReason);
            }
            else if (CustomerEventJson.TryDeserialize(batch[i].Message.Value, out var e, out var reason))
            {
                valid.Add((i, e));
            }
            else
            {
                poison.Add(new PoisonRecord(batch[i], $"deserialization failed: {reason}"));
                trace.DeadLettered(i, reason);
                LogPoison(batch[i].Topic, batch[i].Partition, batch[i].Offset, reason);
            }
        }
        return valid;
    }

    private async Task EnsureModelRegisteredAsync(ModelLease lease, CancellationToken stopping)
    {
        if (_registeredVersion == lease.Card.Version)
        {
            return;
        }
        await RetryAsync("model registration", () => store.RegisterModelAsync(lease.Card, CancellationToken.None), stopping);
        _registeredVersion = lease.Card.Version;
    }

    private async Task WriteAsync(IReadOnlyList<ConsumedEvent> batch, ScoredBatch predictions, BatchTrace trace,
        CancellationToken stopping)
    {
        var storeSpans = trace.StartChildren("store", predictions.Indices);
        var batchSpan = trace.StartStoreBatch(predictions.Indices);
        var written = predictions;
        try
        {
            // A prediction the store refuses for good (not an outage) is dead-lettered with the store's reason and
            // the rest is written again: upserts are idempotent, so rewriting what already landed is harmless.
            while (await UpsertAsync(written.Items, stopping) is { Count: > 0 } rejected)
            {
                var (kept, refused) = written.Split(rejected, batch);
                if (refused.Count == 0)
                {
                    throw new InvalidOperationException(
                        $"the store refused event ids that are not in the batch: {string.Join(", ", rejected.Select(r => r.EventId))}");
                }
                foreach (var (index, p) in refused)
                {
                    trace.DeadLettered(index, p.Reason);
                    LogPoison(p.Record.Topic, p.Record.Partition, p.Record.Offset, p.Reason);
                }
                await DeadLetterAsync(refused.ConvertAll(r => r.Poison), stopping);
                written = kept;
            }
        }
        finally
        {
            BatchTrace.Stop([batchSpan]);
            BatchTrace.Stop(storeSpans);
        }
        metrics.PredictionsWritten.Add(written.Items.Count);
        var stored = time.GetUtcNow();
        foreach (var p in written.Items)
        {
            metrics.EndToEndLatency.Record((stored - p.OccurredAt).TotalMilliseconds);
        }
    }

    /// <summary>Writes until the store answers; returns the predictions it refused for good (empty when all landed).</summary>
    private async Task<IReadOnlyList<RejectedPrediction>> UpsertAsync(List<Prediction> predictions, CancellationToken stopping)
    {
        IReadOnlyList<RejectedPrediction> rejected = [];
        if (predictions.Count == 0)
        {
            return rejected;
        }
        await RetryAsync("store write", metrics.StoreRetries, async () =>
        {
            try
            {
                await store.UpsertAsync(predictions, CancellationToken.None);
            }
            catch (PredictionWriteException refusal)
            {
                rejected = refusal.Rejected;
            }
        }, stopping);
        return rejected;
    }

    /// <summary>Sends poison records to the dead-letter topic, retrying until every delivery is confirmed, and counts them.</summary>
    private async Task DeadLetterAsync(IReadOnlyList<PoisonRecord> poison, CancellationToken stopping)
    {
        await RetryAsync("dead-letter delivery", () => _deadLetters.PublishAndConfirmAsync(poison, _options.DeadLetterTimeout), stopping);
        foreach (var p in poison)
        {
            metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("reason", ReasonKind(p.Reason)));
        }
    }

    private Task RetryAsync(string what, Func<Task> action, CancellationToken stopping) =>
        RetryAsync(what, retries: null, action, stopping);

    private async Task RetryAsync(string what, Counter<long>? retries, Func<Task> action, CancellationToken stopping)
    {
        var backoff = new RetryBackoff(_options.RetryInitialDelay, _options.RetryMaxDelay);
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                var delay = backoff.Next();
                retries?.Add(1);
                LogRetry(what, backoff.Attempts, delay.TotalMilliseconds, ex);
                await Task.Delay(delay, time, stopping);
            }
        }
    }

    private static string ReasonKind(string reason) => reason[..Math.Max(0, reason.IndexOf(':'))] is { Length: > 0 } kind ? kind : reason;

    [LoggerMessage(LogLevel.Warning, "Poison record {Topic}[{Partition}]@{Offset} goes to the dead-letter topic: {Reason}")]
    private partial void LogPoison(string topic, int partition, long offset, string reason);

    [LoggerMessage(LogLevel.Warning, "{What} failed (attempt {Attempt}); retrying in {DelayMs} ms without moving offsets")]
    private partial void LogRetry(string what, int attempt, double delayMs, Exception exception);
}
