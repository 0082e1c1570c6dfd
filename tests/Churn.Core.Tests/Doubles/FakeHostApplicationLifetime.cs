using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.Doubles;

/// <summary>Stands in for the host's lifetime: the test says when the host has started, and sees when it is told to stop.</summary>
internal sealed class FakeHostApplicationLifetime : IHostApplicationLifetime
{
    private readonly CancellationTokenSource _started = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _stopsBeforeStarted;

    public CancellationToken ApplicationStarted => _started.Token;
    public CancellationToken ApplicationStopping => _stopping.Token;
    public CancellationToken ApplicationStopped => CancellationToken.None;

    /// <summary>StopApplication calls made while the host had not started yet.</summary>
    public int StopsBeforeStarted => Volatile.Read(ref _stopsBeforeStarted);

    public bool Stopped => _stopping.IsCancellationRequested;

    public void Start() => _started.Cancel();

    public void StopApplication()
    {
        if (!_started.IsCancellationRequested) Interlocked.Increment(ref _stopsBeforeStarted);
        _stopping.Cancel();
    }
}
