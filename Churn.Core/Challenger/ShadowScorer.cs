using System.Diagnostics;
using System.Threading.Channels;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Domain.Challenger;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Challenger;

/// <summary>
/// Scores in shadow: the scoring worker hands over each batch's written predictions (<see cref="Offer"/>, which never
/// blocks and never throws), and this loop scores the same customers with the challenger in one scorer call and writes
/// the results to <see cref="IShadowPredictionStore"/>, apart from the predictions. Whatever fails here — the
/// challenger throws or returns a non-probability, the shadow write fails every attempt, the loop falls behind — costs
/// only shadow predictions: it is counted (<see cref="ChallengerMetrics"/>) and logged, and never reaches the worker,
/// so the champion's predictions are stored, nothing is dead-lettered and the offsets move on.
/// </summary>
public sealed partial class ShadowScorer(
    ChallengerProvider challenger, IShadowPredictionStore store, IOptions<ChallengerOptions> options, ChallengerMetrics metrics,
    TimeProvider time, ILogger<ShadowScorer> logger) : BackgroundService
{
    private readonly ChallengerOptions _options = options.Value;
    private readonly Channel<IReadOnlyList<Prediction>> _queue = Channel.CreateBounded<IReadOnlyList<Prediction>>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _lastDropLog = -1;

    /// <summary>
    /// Queues the champion's written predictions of one batch for shadow scoring when a challenger is loaded (or the slot
    /// has not been read yet at start: the worker may begin before the challenger has loaded). Returns at once: a full
    /// queue drops the batch's shadow (counted), it does not wait.
    /// </summary>
    public void Offer(IReadOnlyList<Prediction> written)
    {
        try
        {
            if (written.Count == 0 || (challenger.Current is null && challenger.Started.IsCompleted))
            {
                return;
            }
            if (!_queue.Writer.TryWrite(written))
            {
                metrics.Dropped.Add(written.Count);
                var now = Stopwatch.GetTimestamp();
                if (_lastDropLog < 0 || Stopwatch.GetElapsedTime(_lastDropLog, now) > TimeSpan.FromSeconds(10))
                {
                    _lastDropLog = now;
                    LogDropped(written.Count, _options.QueueCapacity);
                }
            }
        }
        catch (Exception ex)
        {
            LogOfferFailed(ex); // never the worker's problem
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await challenger.Started.WaitAsync(stoppingToken);
            await foreach (var batch in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ShadowAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    metrics.Failures.Add(batch.Count, Stage("unexpected"));
                    LogUnexpected(batch.Count, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; batches still queued get no shadow prediction.
        }
    }

    private async Task ShadowAsync(IReadOnlyList<Prediction> champion, CancellationToken stopping)
    {
        if (!challenger.TryAcquire(out var lease))
        {
            return; // removed since the batch was offered
        }
        List<ShadowPrediction> shadows;
        using (lease)
        {
            shadows = Score(lease, champion);
        }
        if (shadows.Count > 0)
        {
            await WriteAsync(shadows, stopping);
        }
    }

    /// <summary>One scorer call for the batch; if it throws, one call per customer, so one bad record costs only its own shadow.</summary>
    private List<ShadowPrediction> Score(ModelLease lease, IReadOnlyList<Prediction> champion)
    {
        var customers = new CustomerRecord[champion.Count];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = champion[i].Customer;
        }
        var probabilities = new float[customers.Length];
        var errors = new string?[customers.Length];
        var started = Stopwatch.GetTimestamp();
        try
        {
            lease.Scorer.Score(customers, probabilities);
        }
        catch (Exception batchError)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                try
                {
                    lease.Scorer.Score(customers.AsSpan(i, 1), probabilities.AsSpan(i, 1));
                }
                catch (Exception ex)
                {
                    errors[i] = $"{ex.Message} (batch error: {batchError.Message})";
                }
            }
        }
        metrics.ScoringDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var scoredAt = time.GetUtcNow();
        var card = lease.Card;
        var shadows = new List<ShadowPrediction>(customers.Length);
        string? firstError = null;
        for (var i = 0; i < customers.Length; i++)
        {
            var p = probabilities[i];
            var error = errors[i] ?? (float.IsFinite(p) && p is >= 0 and <= 1 ? null : $"returned {p}, not a probability");
            if (error is not null)
            {
                firstError ??= $"event {champion[i].EventId}: {error}";
                continue;
            }
            shadows.Add(new ShadowPrediction
            {
                EventId = champion[i].EventId,
                CustomerId = champion[i].CustomerId,
                ModelVersion = card.Version,
                ChampionVersion = champion[i].ModelVersion,
                ChurnProbability = p,
                PredictedChurn = p >= card.Threshold,
                ActualChurn = champion[i].ActualChurn,
                OccurredAt = champion[i].OccurredAt,
                ScoredAt = scoredAt,
            });
        }
        if (firstError is not null)
        {
            var failed = customers.Length - shadows.Count;
            metrics.Failures.Add(failed, Stage("score"));
            LogScoringFailed(card.Version, failed, customers.Length, firstError);
        }
        return shadows;
    }

    /// <summary>Writes with a deadline per attempt and a growing pause between attempts; gives up (counted) after the last.</summary>
    private async Task WriteAsync(List<ShadowPrediction> shadows, CancellationToken stopping)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(_options.StoreTimeout);
            try
            {
                await store.UpsertShadowAsync(shadows, deadline.Token);
                metrics.Written.Add(shadows.Count);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                if (attempt >= _options.WriteAttempts)
                {
                    metrics.Failures.Add(shadows.Count, Stage("store"));
                    LogWriteGivenUp(shadows.Count, attempt, ex);
                    return;
                }
                LogWriteFailed(shadows.Count, attempt, ex.Message);
            }
            await Task.Delay(delay, time, stopping);
            delay *= 2;
        }
    }

    private static KeyValuePair<string, object?> Stage(string stage) => new("stage", stage);

    [LoggerMessage(LogLevel.Warning, "Challenger {Version} could not score {Failed} of {Total} events in shadow (e.g. {Error}); they get no shadow prediction, the served predictions are unaffected")]
    private partial void LogScoringFailed(string version, int failed, int total, string error);

    [LoggerMessage(LogLevel.Warning, "Writing {Count} shadow predictions failed (attempt {Attempt}); retrying: {Error}")]
    private partial void LogWriteFailed(int count, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "Gave up writing {Count} shadow predictions after {Attempts} attempts; the served predictions are unaffected")]
    private partial void LogWriteGivenUp(int count, int attempts, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Shadow scoring is {Capacity} batches behind; a batch of {Count} gets no shadow prediction (counted in churn.challenger.dropped)")]
    private partial void LogDropped(int count, int capacity);

    [LoggerMessage(LogLevel.Error, "Shadow scoring of {Count} events failed unexpectedly; the served predictions are unaffected")]
    private partial void LogUnexpected(int count, Exception exception);

    [LoggerMessage(LogLevel.Error, "Handing a batch to shadow scoring failed; the served predictions are unaffected")]
    private partial void LogOfferFailed(Exception exception);
}
