namespace Churn.Testing;

/// <summary>
/// Paths in this repository, found by walking up from the test binaries (then from the working directory, for a
/// program started elsewhere, such as the benchmarks) to the folder holding Churn.sln.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string TrainFile => Data("churn-bigml-80.csv");

    public static string TestFile => Data("churn-bigml-20.csv");

    /// <summary>True when both BigML data files are in data/.</summary>
    public static bool DataPresent => File.Exists(TrainFile) && File.Exists(TestFile);

    /// <summary>A file in data/.</summary>
    public static string Data(string fileName) => Path.Combine(DataDirectory, fileName);

    /// <summary>A path under artifacts/ (ignored by git), e.g. <c>Artifacts("screenshots")</c>.</summary>
    public static string Artifacts(params string[] parts) => Path.Combine([Root, "artifacts", .. parts]);

    /// <summary>Skips the calling test, naming the missing file, when the BigML data is not in data/.</summary>
    public static void SkipUnlessDataPresent()
    {
        foreach (var file in new[] { TrainFile, TestFile })
        {
            Xunit.Assert.SkipUnless(File.Exists(file), $"needs the BigML data file {file} (see data/README.md)");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Churn.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException($"No Churn.sln above {AppContext.BaseDirectory} or the working directory.");
    }
}
