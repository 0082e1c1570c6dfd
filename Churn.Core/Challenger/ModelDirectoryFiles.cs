using Churn.Core.Serving;

namespace Churn.Core.Challenger;

/// <summary>
/// Moves a model's files between directories the way the Trainer writes them, so a watching provider never loads a
/// half-written pair: every file to a temporary name in the target, then renamed over the old one — the other artifacts
/// first, then <c>model.onnx</c>, then <c>model-card.json</c>. Only the top-level regular files count (no hidden files,
/// no subdirectories such as the challenger slot itself).
/// </summary>
internal static class ModelDirectoryFiles
{
    public static IReadOnlyList<string> Names(string directory) => !Directory.Exists(directory)
        ? []
        : [.. new DirectoryInfo(directory).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.'))
            .Select(f => f.Name)
            .OrderBy(n => n == ModelFiles.CardFileName ? 2 : n == ModelFiles.ModelFileName ? 1 : 0)
            .ThenBy(n => n, StringComparer.Ordinal)];

    /// <summary>Makes <paramref name="target"/>'s model files exactly <paramref name="source"/>'s (copies; the source is left as it is).</summary>
    public static void Mirror(string source, string target)
    {
        Directory.CreateDirectory(target);
        var names = Names(source);
        foreach (var name in names)
        {
            var temporary = Path.Combine(target, $".{name}.{Guid.NewGuid():N}.tmp");
            File.Copy(Path.Combine(source, name), temporary);
            File.Move(temporary, Path.Combine(target, name), overwrite: true);
        }
        foreach (var stale in Names(target).Except(names, StringComparer.Ordinal))
        {
            File.Delete(Path.Combine(target, stale));
        }
    }

    /// <summary>Deletes the model files of <paramref name="directory"/>: the card first, so a watcher sees no model at once.</summary>
    public static void Empty(string directory)
    {
        foreach (var name in Names(directory).Reverse())
        {
            File.Delete(Path.Combine(directory, name));
        }
    }
}
