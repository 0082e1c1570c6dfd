namespace Churn.Testing;

/// <summary>Paths in this repository, found by walking up from the test binaries to the folder holding Churn.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TrainFile => Path.Combine(Root, "data", "churn-bigml-80.csv");

    public static string TestFile => Path.Combine(Root, "data", "churn-bigml-20.csv");

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
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Churn.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Churn.sln above {AppContext.BaseDirectory}.");
    }
}
