using System.Threading.Channels;
using Churn.Core.Serving;
using Churn.Domain.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Challenger;

/// <summary>
/// Holds the challenger: the model in the challenger slot (<see cref="ChallengerOptions.Directory"/>), loaded and
/// validated exactly as the serving model is (<see cref="ModelCandidate"/>: card, graph, schema, probe customers) and
/// hot-reloaded when the slot changes. A refused candidate is logged, counted and remembered
/// (<see cref="LastRejection"/>) and the current challenger, if any, stays; a slot without model files (or no slot)
/// means no challenger. Nothing here can affect the serving model: it is a separate snapshot with its own leases.
/// </summary>
public sealed partial class ChallengerProvider(
    IOptions<ChallengerOptions> options, IOptions<ModelOptions> modelOptions, ChallengerMetrics metrics,
    ILogger<ChallengerProvider> logger) : IHostedService, IDisposable
{
    private readonly ChallengerOptions _options = options.Value;
    private readonly ModelOptions _model = modelOptions.Value;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServingModel? _current;
    private ChallengerDirectoryWatcher? _watcher;
    private Task _reloadLoop = Task.CompletedTask;
    private int _disposed;

    /// <summary>The challenger slot (absolute).</summary>
    public string Directory => Path.GetFullPath(_options.Directory
        ?? Path.Combine(_model.Directory, ChallengerOptions.DefaultSlotName));

    public bool Enabled => _options.Enabled;

    /// <summary>The challenger being shadowed, or null when there is none.</summary>
    public ServingModel? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Completes once the slot has been read at start (whatever it held), so the shadow scorer knows whether the events
    /// scored meanwhile have a challenger; at once when the challenger is off.
    /// </summary>
    public Task Started => _started.Task;

    /// <summary>Why the last candidate in the slot was refused; null once a challenger loads or the slot is emptied.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Takes a hold on the challenger for one batch, or returns false when there is none.</summary>
    public bool TryAcquire(out ModelLease lease) => ModelLease.TryTake(ref _current, out lease);

    /// <summary>
    /// Reads the slot again: no model files → no challenger (<see cref="ModelSwapResult.ServingVersion"/> null); a valid
    /// new version → it is shadowed from the next batch on; a refused one → the current challenger stays.
    /// </summary>
    public async Task<ModelSwapResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var current = Current;
            if (!_options.Enabled)
            {
                return new(ModelSwapOutcome.Unchanged, null, $"the challenger is off ({ChallengerOptions.SectionName}:{nameof(ChallengerOptions.Enabled)} is false)");
            }
            if (IsEmpty(Directory))
            {
                LastRejection = null;
                if (current is null)
                {
                    return new(ModelSwapOutcome.Unchanged, null);
                }
                Replace(null);
                LogRemoved(current.Card.Version, Directory);
                return new(ModelSwapOutcome.Swapped, null);
            }
            Onnx.OnnxChurnScorer candidate;
            try
            {
                candidate = ModelCandidate.Load(Directory, _model.Onnx);
            }
            catch (ModelValidationException ex)
            {
                metrics.Rejections.Add(1);
                LastRejection = ex.Message;
                LogRejected(Directory, current?.Card.Version ?? "none", ex.Message);
                return new(ModelSwapOutcome.Rejected, current?.Card.Version, ex.Message);
            }
            LastRejection = null;
            if (current is not null && current.Card.Version == candidate.Card.Version)
            {
                candidate.Dispose();
                return new(ModelSwapOutcome.Unchanged, current.Card.Version);
            }
            Replace(new ServingModel(candidate));
            LogLoaded(candidate.Card.Version, current?.Card.Version ?? "none", candidate.Card.Threshold, Directory);
            return new(ModelSwapOutcome.Swapped, candidate.Card.Version);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Deletes the model files in the slot and drops the challenger; returns its version, or null when there was none.</summary>
    public async Task<string?> WithdrawAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } withdrawn)
        {
            return null;
        }
        ModelDirectoryFiles.Empty(Directory);
        await ReloadAsync(cancellationToken);
        return withdrawn.Card.Version;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            _started.TrySetResult();
            return;
        }
        try
        {
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            _started.TrySetResult();
        }
        if (_model.Watch)
        {
            _reloadLoop = ReloadOnChangesAsync(_stopping.Token);
            _watcher = new ChallengerDirectoryWatcher(Directory, _model.ReloadDebounce, () => _changes.Writer.TryWrite(true));
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
        _started.TrySetResult();
        Interlocked.Exchange(ref _current, null)?.Release();
    }

    /// <summary>True when the slot holds neither model file (or does not exist): no challenger, which is not a refusal.</summary>
    public static bool IsEmpty(string directory) =>
        !File.Exists(ModelFiles.ModelPath(directory)) && !File.Exists(ModelFiles.CardPath(directory))
        && !System.IO.Directory.Exists(ModelFiles.ModelPath(directory)) && !System.IO.Directory.Exists(ModelFiles.CardPath(directory));

    private void Replace(ServingModel? next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        previous?.Release();
        metrics.Shadowing(next?.Card.Version);
        metrics.Swaps.Add(1);
    }

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

    [LoggerMessage(LogLevel.Information, "Challenger {Version} is now scored in shadow (was {Previous}); threshold {Threshold}; slot {Directory}")]
    private partial void LogLoaded(string version, string previous, double threshold, string directory);

    [LoggerMessage(LogLevel.Information, "Challenger {Version} removed: the slot {Directory} holds no model")]
    private partial void LogRemoved(string version, string directory);

    [LoggerMessage(LogLevel.Error, "Challenger in {Directory} refused; {Current} stays the challenger: {Reason}")]
    private partial void LogRejected(string directory, string current, string reason);

    [LoggerMessage(LogLevel.Error, "Challenger reload failed unexpectedly")]
    private partial void LogReloadFailed(Exception exception);
}
