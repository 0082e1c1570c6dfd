using Churn.Domain.Models;

namespace Churn.Testing;

/// <summary>
/// A real challenger for the serving model of <see cref="TrainedModel"/>: the Trainer's output with only
/// <see cref="Candidate"/> competing (another algorithm, so its probabilities and some decisions differ), trained once
/// into <c>artifacts/test-challenger</c> (~10 s) and reused like the serving model.
/// </summary>
public static class TrainedChallenger
{
    public const string Candidate = "fast-tree-8-leaves-ff";

    public static string Directory => Path.Combine(RepositoryPaths.Root, "artifacts", "test-challenger");

    public static Task<string> EnsureAsync() => TrainedModel.EnsureTrainedAsync(Directory, [Candidate]);

    public static async Task<ModelCard> CardAsync() => ModelCardJson.Load(Path.Combine(await EnsureAsync(), ModelCardJson.FileName));

    /// <summary>Copies the challenger's model files into <paramref name="slot"/> (created), model.onnx first, as the Trainer writes them.</summary>
    public static async Task CopyToAsync(string slot)
    {
        var source = await EnsureAsync();
        System.IO.Directory.CreateDirectory(slot);
        foreach (var file in new[] { "model.onnx", ModelCardJson.FileName })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(slot, file), overwrite: true);
        }
    }
}
