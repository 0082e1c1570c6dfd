using Churn.Core.Challenger;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.Events;
using Churn.Domain.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Worker;

/// <summary>
/// Makes one micro-batch durable, in two stages the worker can overlap (<see cref="Prepare"/> of the next batch while
/// <see cref="CompleteAsync"/> of this one runs): read each record strictly and check it against the contract (poison → dead-letter
/// topic), score the valid ones in one call on ONE model snapshot, register the model card on first use, write the
/// predictions (<see cref="StoreWriter"/>: a record the store refuses or cannot write is dead-lettered with the store's
/// reason), hand the written ones to the challenger's <see cref="ShadowScorer"/> when the host has one, and confirm
/// every dead letter (<see cref="DeadLetterPublisher"/>). Outages of the store or the dead-letter
/// topic are retried with backoff and never skip the batch; a batch that fails as a whole throws
/// <see cref="BatchFailedException"/> and is retried by the worker. <see cref="ProcessAsync"/> returns only when every
/// record is written or dead-lettered, so the caller may then store the offsets; cancelled when the host stops.
/// </summary>
public sealed partial class BatchProcessor(
    IModelSource models,
    IPredictionStore store,
    IEventPublisher deadLetterPublisher,
    IOptions<PipelineTopicsOptions> topics,
    ScoringMetrics metrics,
    ScoringWorkerStatus status,
    IOptions<ScoringWorkerOptions> options,
    TimeProvider time,
    ILogger<BatchProcessor> logger,
    ShadowScorer? shadow = null)
{
    private readonly ScoringWorkerOptions _options = options.Value;
    private readonly DeadLetterPublisher _deadLetters = new(deadLetterPublisher, topics.Value.DeadLetters, metrics, logger);
    private readonly StoreWriter _writer = new(store, options.Value, metrics, logger);
    private string? _registeredVersion;

    /// <summary>Creates the store's tables/indexes before the first batch, retrying while the store is unreachable.</summary>
    public Task InitializeStoreAsync(CancellationToken stopping) =>
        NewRetrier().RunAsync("store initialisation", store.InitializeAsync, _options.StoreTimeout, stopping);

    /// <summary>Both stages in one call: the batch is durable (or dead-lettered) when it returns.</summary>
    public Task ProcessAsync(IReadOnlyList<ConsumedEvent> batch, string messagingSystem, CancellationToken stopping) =>
        CompleteAsync(Prepare(batch, messagingSystem), stopping);

    /// <summary>
    /// Stage one, CPU only: reads the records (poison set aside with its reason) and scores the valid ones on one model
    /// snapshot. Throws <see cref="BatchFailedException"/> when the model fails most of them. Touches neither the
    /// store nor the dead-letter topic, so it may run while the previous batch is still being written.
    /// </summary>
    internal PreparedBatch Prepare(IReadOnlyList<ConsumedEvent> batch, string messagingSystem)
    {
        metrics.BatchSize.Record(batch.Count);
        var trace = new BatchTrace(batch, messagingSystem);
        trace.Start();
        try
        {
            var poison = new List<PoisonRecord>();
            var valid = Read(batch, poison, trace);
            using var lease = models.Acquire();
            var failures = new List<(int Index, PoisonRecord Poison)>();
            var predictions = BatchScorer.Score(lease.Scorer, lease.Explainer, batch, valid, failures, trace, time);
            ThrowIfTheModelFailedMost(lease, failures, valid.Count);
            foreach (var (index, p) in failures)
            {
                poison.Add(p);
                trace.DeadLettered(index, p.Reason);
                LogPoison(p.Record.Topic, p.Record.Partition, p.Record.Offset, p.Reason);
            }
            return new PreparedBatch(batch, trace, lease.Card, predictions, poison);
        }
        catch
        {
            trace.Complete();
            throw;
        }
    }

    /// <summary>
    /// Stage two, I/O: registers the model card on first use, writes the predictions and confirms every dead letter,
    /// retrying outages. Returns only when every record is written or dead-lettered; one batch at a time.
    /// </summary>
    internal async Task CompleteAsync(PreparedBatch prepared, CancellationToken stopping)
    {
        var retrier = NewRetrier();
        try
        {
            var poison = prepared.Poison;
            if (prepared.Predictions.Count > 0)
            {
                await EnsureModelRegisteredAsync(prepared.Card, retrier, stopping);
                var (written, refused) = await WriteAsync(prepared.Records, prepared.Predictions, retrier, prepared.Trace, stopping);
                poison.AddRange(refused);
                RecordWritten(written);
                shadow?.Offer(written.Items); // the challenger, if any, scores the same events apart; never blocks or throws
            }
            await DeadLetterAsync(poison, retrier, stopping);
        }
        finally
        {
            prepared.Trace.Complete();
        }
    }

    /// <summary>The records that read as events obeying the contract; every other one is poison with its reason.</summary>
    private List<(int Index, CustomerEvent Event)> Read(IReadOnlyList<ConsumedEvent> batch, List<PoisonRecord> poison, BatchTrace trace)
    {
        var valid = new List<(int, CustomerEvent)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            CustomerEvent? e = null;
            var reason = batch[i].PoisonReason is { } transportReason ? $"undecodable record: {transportReason}"
                : batch[i].Message.Value.Length > _options.MaxEventBytes
                    ? $"oversized record: {batch[i].Message.Value.Length} bytes (the limit is {_options.MaxEventBytes})"
                : !CustomerEventJson.TryDeserialize(batch[i].Message.Value, out e, out var invalidJson) ? $"deserialization failed: {invalidJson}"
                : CustomerEventRules.Validate(e) is { } broken ? $"invalid event: {broken}"
                : null;
            if (reason is null)
            {
                valid.Add((i, e!));
                continue;
            }
            poison.Add(new PoisonRecord(batch[i], reason));
            trace.DeadLettered(i, reason);
            LogPoison(batch[i].Topic, batch[i].Partition, batch[i].Offset, reason);
        }
        return valid;
    }

    /// <summary>A model that fails most of a batch is broken, not the records: the batch is retried, nothing dead-lettered.</summary>
    private static void ThrowIfTheModelFailedMost(ModelLease lease, List<(int Index, PoisonRecord Poison)> failures, int scored)
    {
        if (BatchFailedException.IsMass(failures.Count, scored))
        {
            throw new BatchFailedException($"model {lease.Card.Version} failed {failures.Count} of {scored} records " +
                $"(e.g. {failures[0].Poison.Reason}); retrying the batch");
        }
    }

    private async Task EnsureModelRegisteredAsync(ModelCard card, Retrier retrier, CancellationToken stopping)
    {
        if (_registeredVersion == card.Version)
        {
            return;
        }
        await retrier.RunAsync("model registration", token => store.RegisterModelAsync(card, token), _options.StoreTimeout, stopping);
        _registeredVersion = card.Version;
    }

    private async Task<(ScoredBatch Written, IEnumerable<PoisonRecord> Refused)> WriteAsync(IReadOnlyList<ConsumedEvent> batch,
        ScoredBatch predictions, Retrier retrier, BatchTrace trace, CancellationToken stopping)
    {
        var batchSpan = trace.StartStoreBatch(predictions.Indices);
        try
        {
            var (written, refused) = await _writer.WriteAsync(predictions, batch, retrier, stopping);
            trace.Mark(BatchTrace.Stored, written.Indices);
            foreach (var (index, p) in refused)
            {
                trace.DeadLettered(index, p.Reason);
                LogPoison(p.Record.Topic, p.Record.Partition, p.Record.Offset, p.Reason);
            }
            return (written, refused.Select(r => r.Poison));
        }
        finally
        {
            BatchTrace.Stop([batchSpan]);
        }
    }

    private void RecordWritten(ScoredBatch written)
    {
        metrics.PredictionsWritten.Add(written.Count);
        var stored = time.GetUtcNow();
        foreach (var p in written.Items)
        {
            metrics.EndToEndLatency.Record((stored - p.OccurredAt).TotalMilliseconds);
        }
    }

    /// <summary>Sends poison records to the dead-letter topic until every one has an outcome, and counts them.</summary>
    private async Task DeadLetterAsync(IReadOnlyList<PoisonRecord> poison, Retrier retrier, CancellationToken stopping)
    {
        if (poison.Count == 0)
        {
            return;
        }
        await _deadLetters.DeliverAsync(poison, retrier, _options.DeadLetterTimeout, stopping);
        foreach (var p in poison)
        {
            metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("reason", ReasonKind(p.Reason)));
        }
    }

    private Retrier NewRetrier() => new(_options, status, time, logger);

    private static string ReasonKind(string reason) => reason[..Math.Max(0, reason.IndexOf(':'))] is { Length: > 0 } kind ? kind : reason;

    [LoggerMessage(LogLevel.Warning, "Poison record {Topic}[{Partition}]@{Offset} goes to the dead-letter topic: {Reason}")]
    private partial void LogPoison(string topic, int partition, long offset, string reason);
}
