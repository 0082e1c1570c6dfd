using System.Threading.Channels;
using Churn.Domain.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Serving;

/// <summary>
/// Holds the serving model and swaps it atomically. A candidate from the model directory (on start, on a debounced
/// file change, or on an operator's <see cref="ReloadAsync"/>) is validated by <see cref="ModelCandidate"/>; a broken
/// one is rejected and logged and the current model keeps serving. Batches <see cref="Acquire"/> one snapshot each.
/// File changes only signal a reload; one background loop, stopped with the host, performs them one at a time.
/// </summary>
public sealed partial class ModelProvider(
    IOptions<ModelOptions> options, ModelMetrics metrics, ILogger<ModelProvider> logger)
    : IModelSource, IHostedService, IDisposable
{
    private readonly ModelOptions _options = options.Value;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly TaskCompletionSource _firstModel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private ServingModel? _current;
    private ModelDirectoryWatcher? _watcher;
    private Task _reloadLoop = Task.CompletedTask;
    private int _disposed;

    public string Directory => Path.GetFullPath(_options.Directory);

    /// <summary>The serving model, or null before the first valid model was loaded.</summary>
    public ServingModel? Current => Volatile.Read(ref _current);

    /// <summary>Completes when a model is serving.</summary>
    public Task WaitForModelAsync(CancellationToken cancellationToken) => _firstModel.Task.WaitAsync(cancellationToken);

    /// <summary>Takes a hold on the current snapshot; throws when no model is serving yet.</summary>
    public ModelLease Acquire() => TryAcquire(out var lease)
        ? lease
        : throw new InvalidOperationException($"no valid model has been loaded from {Directory} yet");

    /// <summary>Takes a hold on the current snapshot, or returns false while no model is serving.</summary>
    public bool TryAcquire(out ModelLease lease) => ModelLease.TryTake(ref _current, out lease);

    public async Task<ModelSwapResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var serving = Current;
            ServingModel candidate;
            try
            {
                candidate = ModelCandidate.LoadServing(Directory, _options);
            }
            catch (ModelValidationException ex)
            {
                metrics.Rejections.Add(1);
                LogRejected(Directory, serving?.Card.Version ?? "none", ex.Message);
                return new(ModelSwapOutcome.Rejected, serving?.Card.Version, ex.Message);
            }
            if (serving is not null && serving.Card.Version == candidate.Card.Version)
            {
                candidate.Release();
                return new(ModelSwapOutcome.Unchanged, serving.Card.Version);
            }
            if (candidate.ReasonsUnavailable is { } noReasons)
            {
                LogNoReasons(candidate.Card.Version, noReasons);
            }
            var previous = Interlocked.Exchange(ref _current, candidate);
            previous?.Release();
            metrics.Serving(candidate.Card.Version);
            metrics.Swaps.Add(1);
            LogSwapped(candidate.Card.Version, previous?.Card.Version ?? "none", candidate.Card.Threshold);
            _firstModel.TrySetResult();
            return new(ModelSwapOutcome.Swapped, candidate.Card.Version);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (_options.Watch)
        {
            _reloadLoop = ReloadOnChangesAsync(_stopping.Token);
            _watcher = new ModelDirectoryWatcher(Directory, _options.ReloadDebounce, () => _changes.Writer.TryWrite(true));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        await _stopping.CancelAsync();
        await _reloadLoop.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // registered as the provider and as a hosted service: the container disposes it twice
        }
        _watcher?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
        Interlocked.Exchange(ref _current, null)?.Release();
    }

    /// <summary>Reloads once per settled change of the model files until the host stops.</summary>
    private async Task ReloadOnChangesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var _ in _changes.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await ReloadAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogReloadFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(LogLevel.Information, "Model {Version} is now serving (was {Previous}); threshold {Threshold}")]
    private partial void LogSwapped(string version, string previous, double threshold);

    [LoggerMessage(LogLevel.Warning, "Model {Version} serves without reason codes: {Reason}")]
    private partial void LogNoReasons(string version, string reason);

    [LoggerMessage(LogLevel.Error, "Model in {Directory} rejected; {Serving} keeps serving: {Reason}")]
    private partial void LogRejected(string directory, string serving, string reason);

    [LoggerMessage(LogLevel.Error, "Model reload failed unexpectedly")]
    private partial void LogReloadFailed(Exception exception);
}
