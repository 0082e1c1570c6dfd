using Churn.Domain.Models;
using Churn.Trainer;
using Churn.Trainer.Cli;

namespace Churn.Testing;

/// <summary>
/// The Trainer's real model for tests that score: trained once from the real data files into
/// <c>artifacts/test-model</c> and reused while the data, the seed and the Trainer build are unchanged. A file lock
/// keeps parallel test processes from training at the same time.
/// </summary>
public static class TrainedModel
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static string Directory => Path.Combine(RepositoryPaths.Root, "artifacts", "test-model");

    public static string ModelPath => Path.Combine(Directory, ModelArtifacts.ModelFileName);

    public static string CardPath => Path.Combine(Directory, ModelCardJson.FileName);

    /// <summary>Returns the model directory, training first when needed; skips the test when the data is missing.</summary>
    public static Task<string> EnsureAsync() => EnsureTrainedAsync(Directory, candidates: null);

    /// <summary>
    /// Trains the Trainer's real output into <paramref name="directory"/> once (only <paramref name="candidates"/> competing
    /// when given) and returns the directory; skips the test when the data is missing.
    /// </summary>
    internal static async Task<string> EnsureTrainedAsync(string directory, IReadOnlyList<string>? candidates)
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await InProcess.WaitAsync();
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            using var crossProcess = await AcquireFileLockAsync(Path.Combine(directory, ".lock"));
            var stamp = Path.Combine(directory, ".stamp");
            var expected = Stamp() + (candidates is null ? "" : "|" + string.Join(',', candidates));
            if (!File.Exists(stamp) || File.ReadAllText(stamp) != expected || !File.Exists(Path.Combine(directory, ModelCardJson.FileName)))
            {
                var options = new TrainerOptions
                {
                    TrainPath = RepositoryPaths.TrainFile, TestPath = RepositoryPaths.TestFile, OutputDirectory = directory,
                    Candidates = candidates,
                };
                var errors = new StringWriter();
                var exit = await TrainerCommand.RunAsync(options, TextWriter.Null, errors);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"The Trainer failed with exit code {exit}: {errors}");
                }
                File.WriteAllText(stamp, expected);
            }
            return directory;
        }
        finally
        {
            InProcess.Release();
        }
    }

    public static async Task<ModelCard> CardAsync() => ModelCardJson.Load(Path.Combine(await EnsureAsync(), ModelCardJson.FileName));

    private static string Stamp()
    {
        var trainer = typeof(TrainerCommand).Assembly.Location;
        return string.Join('|', new FileInfo(trainer).LastWriteTimeUtc.Ticks, new FileInfo(RepositoryPaths.TrainFile).Length,
            new FileInfo(RepositoryPaths.TestFile).Length, TrainerOptions.DefaultSeed);
    }

    /// <summary>Another test process holds the lock while it trains: wait for it (polling) rather than train twice.</summary>
    private static async Task<FileStream> AcquireFileLockAsync(string path) =>
        (await Eventually.UntilAsync(() => Task.FromResult(TryOpenExclusive(path)), stream => stream is not null,
            TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(200), $"the training lock {path}"))!;

    private static FileStream? TryOpenExclusive(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
