using Churn.Core.Storage;
using Churn.Core.Transport;
using Microsoft.Extensions.Logging;

namespace Churn.Core.Worker;

/// <summary>
/// Writes a batch's predictions, every attempt with a deadline (<see cref="ScoringWorkerOptions.StoreTimeout"/>) and
/// cancelled when the host stops. What it returns is durable except the predictions it hands back to be dead-lettered:
/// <list type="bullet">
/// <item>a prediction the store refuses for good (<see cref="PredictionWriteException"/>), with the store's reason;</item>
/// <item>a prediction the store cannot write even alone while it answers reads — found by bisecting the batch after
/// <see cref="ScoringWorkerOptions.IsolateAfterFailures"/> failed attempts: a document it cannot build (mapping,
/// serialization), with the exception's message.</item>
/// </list>
/// When most of the batch would go that way the fault is not the records' (<see cref="BatchFailedException"/>); when
/// nothing can be written and the store does not answer, it is an outage, retried with backoff and offsets held.
/// </summary>
internal sealed partial class StoreWriter(IPredictionStore store, ScoringWorkerOptions options, ScoringMetrics metrics,
    ILogger logger)
{
    public async Task<(ScoredBatch Written, List<(int Index, PoisonRecord Poison)> Poison)> WriteAsync(ScoredBatch predictions,
        IReadOnlyList<ConsumedEvent> batch, Retrier retrier, CancellationToken stopping)
    {
        var pending = predictions;
        var poison = new List<(int Index, PoisonRecord Poison)>();
        var failures = 0;
        while (pending.Count > 0)
        {
            var (error, refused) = await TryWriteAsync(pending, retrier, stopping);
            if (error is null && refused.Count == 0)
            {
                break;
            }
            if (refused.Count > 0)
            {
                var (kept, rejected) = pending.Split(refused, batch);
                if (rejected.Count == 0)
                {
                    throw new InvalidOperationException(
                        $"the store refused event ids that are not in the batch: {string.Join(", ", refused.Select(r => r.EventId))}");
                }
                poison.AddRange(rejected);
                ThrowIfMass(poison, predictions.Count, "the store refused");
                pending = kept;
                continue;
            }
            metrics.StoreRetries.Add(1);
            if (++failures >= options.IsolateAfterFailures && !IsInfrastructure(error!)
                && await IsolateAsync(pending, batch, error!, retrier, stopping) is { } isolated)
            {
                poison.AddRange(isolated);
                ThrowIfMass(poison, predictions.Count, "the store could not write");
                pending = pending.Without([.. isolated.Select(p => p.Index)]);
                failures = 0;
                continue;
            }
            await retrier.DelayAsync(stopping);
        }
        return (predictions.Without([.. poison.Select(p => p.Index)]), poison);
    }

    /// <summary>One write with its deadline: the failure (null when written) and the predictions the store refused.</summary>
    private async Task<(Exception? Error, IReadOnlyList<RejectedPrediction> Refused)> TryWriteAsync(ScoredBatch part,
        Retrier retrier, CancellationToken stopping)
    {
        IReadOnlyList<RejectedPrediction> refused = [];
        var error = await retrier.TryAsync("store write", async token =>
        {
            try
            {
                await store.UpsertAsync(part.Items, token);
            }
            catch (PredictionWriteException refusal)
            {
                refused = refusal.Rejected;
            }
        }, options.StoreTimeout, stopping);
        return (error, refused);
    }

    /// <summary>
    /// When the store answers reads, halves the failing batch until the failure is narrowed to single predictions,
    /// writing every half that works, and returns those predictions as poison — provided the rest of the batch could be
    /// written (a lone prediction has already failed alone). Null when it is the store that fails: it does not answer,
    /// or no part of the batch could be written, or a part failed with an infrastructure error.
    /// </summary>
    private async Task<List<(int Index, PoisonRecord Poison)>?> IsolateAsync(ScoredBatch failing, IReadOnlyList<ConsumedEvent> batch,
        Exception error, Retrier retrier, CancellationToken stopping)
    {
        if (!await StoreAnswersAsync(retrier, stopping))
        {
            return null;
        }
        var suspects = new List<(int Index, string Reason)>();
        var refusals = new List<(int Index, PoisonRecord Poison)>();
        var written = failing.Count == 1;
        var infrastructure = false;
        async Task WriteAsync(ScoredBatch part)
        {
            var (partError, refused) = await TryWriteAsync(part, retrier, stopping);
            written |= partError is null && refused.Count < part.Count;
            infrastructure |= partError is not null && IsInfrastructure(partError);
            if (partError is null && refused.Count > 0)
            {
                // Refused for good: those carry the store's reason; the rest of the part is written again.
                var (kept, rejected) = part.Split(refused, batch);
                refusals.AddRange(rejected);
                if (kept.Count > 0 && kept.Count < part.Count)
                {
                    await WriteAsync(kept);
                }
            }
            else if (partError is not null)
            {
                await BisectAsync(part, partError);
            }
        }
        async Task BisectAsync(ScoredBatch part, Exception partError)
        {
            if (part.Count == 1)
            {
                suspects.Add((part.Indices[0], partError.Message));
                return;
            }
            foreach (var half in new[] { part.Halves().First, part.Halves().Second })
            {
                if (BatchFailedException.IsMass(suspects.Count + refusals.Count, failing.Count))
                {
                    return; // more than half cannot be written: not the records' fault, stop looking
                }
                await WriteAsync(half);
            }
        }
        await BisectAsync(failing, error);
        if (infrastructure || !written)
        {
            return null;
        }
        if (suspects.Count + refusals.Count > 0)
        {
            LogIsolated(suspects.Count + refusals.Count, failing.Count);
        }
        return [.. refusals, .. suspects.Select(s => (s.Index, new PoisonRecord(batch[s.Index], $"store failed: {s.Reason}")))];
    }

    /// <summary>
    /// Errors of the connection, the disk or the database engine rather than of one document: never a reason to blame a
    /// record (a store's own permanent document errors arrive as <see cref="PredictionWriteException"/>).
    /// </summary>
    private static bool IsInfrastructure(Exception error) => error is IOException or TimeoutException
        or System.Net.Sockets.SocketException or System.Data.Common.DbException or HttpRequestException
        or OperationCanceledException;

    /// <summary>Whether the store answers a read: a write that fails while reads work is the record's fault.</summary>
    private async Task<bool> StoreAnswersAsync(Retrier retrier, CancellationToken stopping) =>
        await retrier.TryAsync("store read", token => store.CountAsync(token), options.StoreTimeout, stopping) is null;

    private static void ThrowIfMass(List<(int Index, PoisonRecord Poison)> poison, int total, string what)
    {
        if (BatchFailedException.IsMass(poison.Count, total))
        {
            throw new BatchFailedException($"{what} {poison.Count} of {total} predictions (e.g. {poison[0].Poison.Reason}); " +
                "that is the store's fault, not the records': retrying the batch");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Isolated {Count} of {Total} predictions the store cannot write while it answers; they are dead-lettered")]
    private partial void LogIsolated(int count, int total);
}
