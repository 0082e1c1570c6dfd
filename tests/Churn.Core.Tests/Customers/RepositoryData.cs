namespace Churn.Core.Tests.Customers;

/// <summary>Finds the repository's data/ folder by walking up from the test binaries to the directory holding Churn.sln.</summary>
internal static class RepositoryData
{
    public static string PathOf(string fileName) => Path.Combine(Root(), "data", fileName);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Churn.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Churn.sln above {AppContext.BaseDirectory}.");
    }
}
