namespace Churn.Testing;

/// <summary>
/// A fresh directory under the temp folder, deleted with everything in it on dispose; usable as a class fixture. A file
/// still held open (SQLite may keep one a moment after its connection closes) does not fail the test.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() : this("churn-tests-")
    {
    }

    private TempDirectory(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>A directory whose name starts with <paramref name="prefix"/>, to tell its leftovers apart.</summary>
    public static TempDirectory WithPrefix(string prefix) => new(prefix);

    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
