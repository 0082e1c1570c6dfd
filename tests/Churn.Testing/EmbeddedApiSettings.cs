using Churn.Domain.Models;
using Churn.Trainer;

namespace Churn.Testing;

/// <summary>
/// A private copy of the Trainer's real model and a fresh SQLite file for one Api instance running the real embedded
/// pipeline (in-process transport, scoring worker, model provider). Ingest runs nothing at start: the tests publish
/// through the Api. Shared by the Api tests (TestServer) and the browser tests (Kestrel).
/// </summary>
public sealed class EmbeddedApiSettings : IDisposable
{
    private readonly TempDirectory root = TempDirectory.WithPrefix("churn-api-tests-");

    public string ModelDirectory => root.Combine("model");

    public string DatabasePath => root.Combine("churn.db");

    /// <summary>Copies the real model (trained once and cached by <see cref="TrainedModel"/>) unless <paramref name="withModel"/> is false.</summary>
    public async Task PrepareAsync(bool withModel = true)
    {
        var trained = await TrainedModel.EnsureAsync();
        Directory.CreateDirectory(ModelDirectory);
        if (withModel) CopyModelFrom(trained);
    }

    public void CopyModelFrom(string directory)
    {
        foreach (var file in new[] { ModelArtifacts.ModelFileName, ModelCardJson.FileName })
        {
            File.Copy(Path.Combine(directory, file), Path.Combine(ModelDirectory, file), overwrite: true);
        }
        // The reason explainer when the model has one; none (and no stale one) otherwise.
        var explainer = Path.Combine(directory, Churn.Core.Reasons.ExplainerArtifact.FileName);
        if (File.Exists(explainer))
        {
            File.Copy(explainer, Path.Combine(ModelDirectory, Churn.Core.Reasons.ExplainerArtifact.FileName), overwrite: true);
        }
        else
        {
            File.Delete(Path.Combine(ModelDirectory, Churn.Core.Reasons.ExplainerArtifact.FileName));
        }
    }

    public Dictionary<string, string?> Configuration(string apiKey) => new()
    {
        ["Churn:ApiKey"] = apiKey,
        ["Churn:FeedPollInterval"] = "00:00:00.100",
        ["Churn:Model:Directory"] = ModelDirectory,
        ["Churn:Model:Watch"] = "false",
        ["Churn:Sqlite:Path"] = DatabasePath,
        ["Churn:DataDirectory"] = RepositoryPaths.DataDirectory,
        ["Churn:Ingest:Mode"] = "None",
        ["Churn:Ingest:TrickleRate"] = "0",
        ["ConnectionStrings:kafka"] = "",
    };

    public void Dispose() => root.Dispose(); // tolerates a file SQLite still holds briefly
}
