namespace Churn.Core.Serving;

/// <summary>
/// Calls <paramref name="onSettled"/> once the model files in <paramref name="directory"/> stop changing for
/// <paramref name="debounce"/> (the Trainer writes model.onnx, then model-card.json, each by rename).
/// </summary>
internal sealed class ModelDirectoryWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _delay;

    public ModelDirectoryWatcher(string directory, TimeSpan debounce, Action onSettled)
    {
        System.IO.Directory.CreateDirectory(directory);
        _delay = debounce;
        _debounce = new Timer(_ => onSettled(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.Name is ModelFiles.ModelFileName or ModelFiles.CardFileName)
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }
}
