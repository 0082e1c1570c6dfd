using Microsoft.Extensions.Logging;

namespace Churn.Core.Worker;

/// <summary>
/// How one batch retries what failed (the store, the dead-letter topic): every attempt has a deadline and is cancelled
/// when the host stops; every failure is logged and reported to the worker's status (its health); the wait between
/// attempts doubles up to <see cref="ScoringWorkerOptions.RetryMaxDelay"/>, so a broken dependency is probed less and
/// less often (a circuit breaker's half-open state) and nothing is ever skipped.
/// </summary>
public sealed partial class Retrier(ScoringWorkerOptions options, ScoringWorkerStatus status, TimeProvider time, ILogger logger)
{
    private readonly RetryBackoff _backoff = new(options.RetryInitialDelay, options.RetryMaxDelay);

    /// <summary>Runs <paramref name="action"/> until it succeeds; throws only when <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(string what, Func<CancellationToken, Task> action, TimeSpan attemptTimeout, CancellationToken stopping)
    {
        while (true)
        {
            if (await TryAsync(what, action, attemptTimeout, stopping) is null)
            {
                return;
            }
            await DelayAsync(stopping);
        }
    }

    /// <summary>One attempt with a deadline: null when it succeeded, else the failure (already reported).</summary>
    public async Task<Exception?> TryAsync(string what, Func<CancellationToken, Task> action, TimeSpan attemptTimeout,
        CancellationToken stopping)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(attemptTimeout);
        try
        {
            await action(attempt.Token);
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var error = ex is OperationCanceledException ? new TimeoutException($"no answer within {attemptTimeout}", ex) : ex;
            Failed(what, error);
            return error;
        }
    }

    public void Failed(string what, Exception error)
    {
        status.AttemptFailed($"{what} failed: {error.Message}");
        LogFailed(what, _backoff.Attempts + 1, error);
    }

    public Task DelayAsync(CancellationToken stopping) => Task.Delay(_backoff.Next(), time, stopping);

    [LoggerMessage(LogLevel.Warning, "{What} failed (attempt {Attempt}); retrying without moving offsets")]
    private partial void LogFailed(string what, int attempt, Exception exception);
}
