namespace Churn.Core.Challenger;

/// <summary>
/// Calls <paramref name="onSettled"/> once anything in the challenger slot <paramref name="slot"/> — its files, or the
/// directory itself being created, moved or deleted — stops changing for <paramref name="debounce"/>. It watches the
/// slot's parent (recursively) rather than the slot, so removing the slot and creating it again is seen too.
/// </summary>
internal sealed class ChallengerDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _delay;
    private readonly string _slot;

    public ChallengerDirectoryWatcher(string slot, TimeSpan debounce, Action onSettled)
    {
        _slot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(slot));
        var parent = Path.GetDirectoryName(_slot) ?? throw new ArgumentException($"the challenger slot {slot} has no parent directory");
        Directory.CreateDirectory(parent);
        _delay = debounce;
        _debounce = new Timer(_ => onSettled(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(parent)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size
                | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnRenamed;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (InSlot(e.FullPath))
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (InSlot(e.FullPath) || InSlot(e.OldFullPath))
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    private bool InSlot(string path) =>
        path.Equals(_slot, StringComparison.Ordinal) || path.StartsWith(_slot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
