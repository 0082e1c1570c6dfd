namespace Churn.Benchmarks.Setup;

/// <summary>Paths in this repository, found by walking up from the binaries (or the working directory) to Churn.sln.</summary>
public static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    public static string TrainFile => Path.Combine(Root, "data", "churn-bigml-80.csv");

    public static string TestFile => Path.Combine(Root, "data", "churn-bigml-20.csv");

    /// <summary>The benchmarks' own model folder (the Trainer's real output), kept apart from the tests' model.</summary>
    public static string ModelDirectory => Path.Combine(Root, "artifacts", "bench-model");

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
