namespace Churn.Core.Storage;

/// <summary>
/// Runs a store's one-time initialisation (schema, indexes) exactly once on success. A failed attempt (database down
/// at start) is forgotten, so the next call tries again instead of caching the failure forever.
/// </summary>
internal sealed class StoreInitialization(Func<CancellationToken, Task> initialize)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await initialize(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
