using Churn.Core.Reasons;
using Churn.Domain.Models;
using Churn.Testing;
using Churn.Trainer;
using Churn.Trainer.Candidates;
using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Microsoft.ML;

namespace Churn.Benchmarks.Setup;

/// <summary>
/// The serving model the benchmarks measure: the Trainer's real output in <see cref="BenchModel.ModelDirectory"/>
/// (trained on first use), and its ML.NET twin for the <c>PredictionEngine</c> baseline: the card's winning candidate
/// refitted with the card's seed on the same training file (the Trainer's own types), saved as <c>mlnet-model.zip</c>.
/// </summary>
public static class BenchModel
{
    public const string MlNetFileName = "mlnet-model.zip";

    /// <summary>The benchmarks' own model folder (the Trainer's real output), kept apart from the tests' model.</summary>
    public static string ModelDirectory => RepositoryPaths.Artifacts("bench-model");

    public static string ModelPath => Path.Combine(ModelDirectory, ModelArtifacts.ModelFileName);
    public static string CardPath => Path.Combine(ModelDirectory, ModelCardJson.FileName);
    public static string MlNetPath => Path.Combine(ModelDirectory, MlNetFileName);
    private static string MlNetStampPath => MlNetPath + ".version";

    public static ModelCard Card() => ModelCardJson.Load(CardPath);

    /// <summary>Trains the ONNX model and refits its ML.NET twin when they are missing; returns the card.</summary>
    public static async Task<ModelCard> EnsureAsync(TextWriter log)
    {
        foreach (var file in new[] { RepositoryPaths.TrainFile, RepositoryPaths.TestFile })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The benchmarks need the BigML data file {file} (see data/README.md).", file);
            }
        }
        if (!File.Exists(ModelPath) || !File.Exists(CardPath) || !File.Exists(Path.Combine(ModelDirectory, ExplainerArtifact.FileName)))
        {
            log.WriteLine($"Training the serving model into {ModelDirectory} (once)…");
            var options = new TrainerOptions
            {
                TrainPath = RepositoryPaths.TrainFile, TestPath = RepositoryPaths.TestFile, OutputDirectory = ModelDirectory,
            };
            var errors = new StringWriter();
            if (await TrainerCommand.RunAsync(options, TextWriter.Null, errors) != 0)
            {
                throw new InvalidOperationException($"The Trainer failed: {errors}");
            }
        }
        var card = Card();
        if (!File.Exists(MlNetPath) || !File.Exists(MlNetStampPath) || File.ReadAllText(MlNetStampPath) != card.Version)
        {
            log.WriteLine($"Refitting {WinnerName(card)} (seed {card.Seed}) with ML.NET for the PredictionEngine baseline…");
            RefitAndSave(card);
            File.WriteAllText(MlNetStampPath, card.Version);
        }
        return card;
    }

    /// <summary>The benchmarks' challenger: the Trainer with only <c>fast-tree-8-leaves-ff</c> competing (another algorithm).</summary>
    public static string ChallengerDirectory => RepositoryPaths.Artifacts("bench-challenger");

    /// <summary>Trains the challenger into <see cref="ChallengerDirectory"/> when it is missing; returns the directory.</summary>
    public static async Task<string> EnsureChallengerAsync(TextWriter log)
    {
        if (!File.Exists(Path.Combine(ChallengerDirectory, ModelArtifacts.ModelFileName)) || !File.Exists(Path.Combine(ChallengerDirectory, ModelCardJson.FileName)))
        {
            log.WriteLine($"Training the challenger into {ChallengerDirectory} (once)…");
            var options = new TrainerOptions
            {
                TrainPath = RepositoryPaths.TrainFile, TestPath = RepositoryPaths.TestFile, OutputDirectory = ChallengerDirectory,
                Candidates = [TrainedChallenger.Candidate],
            };
            var errors = new StringWriter();
            if (await TrainerCommand.RunAsync(options, TextWriter.Null, errors) != 0)
            {
                throw new InvalidOperationException($"The Trainer failed: {errors}");
            }
        }
        return ChallengerDirectory;
    }

    /// <summary>Loads the ML.NET twin saved by <see cref="EnsureAsync"/>.</summary>
    public static ITransformer LoadMlNet(MLContext ml) => ml.Model.Load(MlNetPath, out _);

    private static void RefitAndSave(ModelCard card)
    {
        var name = WinnerName(card);
        var candidate = CandidateCatalog.All(card.Seed).Single(c => c.Name == name);
        var ml = new MLContext(card.Seed);
        var training = FeatureViews.Labelled(ml, LabelledData.Load(RepositoryPaths.TrainFile).Customers);
        var model = candidate.Build(ml).Fit(training);
        ml.Model.Save(model, training.Schema, MlNetPath);
    }

    private static string WinnerName(ModelCard card) => card.Leaderboard.Single(e => e.Selected).Candidate;
}
