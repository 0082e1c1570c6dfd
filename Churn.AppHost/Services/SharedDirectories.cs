using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Services;

/// <summary>
/// The repository's data and model directories as absolute paths, handed to every service so that the Trainer,
/// Scoring and the Api read and write the same model (a project resource runs in its own project directory, so
/// relative paths would differ per service). Overridable with Churn:DataDirectory / Churn:ModelDirectory.
/// </summary>
public sealed record SharedDirectories(string Data, string Model)
{
    /// <summary>Where the ingest sources find the CSV files.</summary>
    public const string DataVariable = "Churn__DataDirectory";

    /// <summary>ModelOptions (section Churn:Model): the directory holding model.onnx and model-card.json.</summary>
    public const string ModelVariable = "Churn__Model__Directory";

    /// <summary>SqliteStoreOptions (section Churn:Sqlite): the SQLite store's file, data/churn.db (gitignored).</summary>
    public const string SqliteStoreVariable = "Churn__Sqlite__Path";

    public string SqliteStore => Path.Combine(Data, "churn.db");

    public static SharedDirectories From(IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        return new SharedDirectories(
            Data: Resolve(builder.Configuration, "Churn:DataDirectory", Path.Combine(repositoryRoot, "data")),
            Model: Resolve(builder.Configuration, "Churn:ModelDirectory", Path.Combine(repositoryRoot, "artifacts", "model")));
    }

    private static string Resolve(IConfiguration configuration, string key, string fallback) =>
        Path.GetFullPath(configuration[key] is { Length: > 0 } configured ? configured : fallback);
}
