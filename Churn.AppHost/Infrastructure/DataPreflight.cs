using Churn.AppHost.Services;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Looks, before any resource is added, at what the services will need: the BigML data files in the data directory
/// and a model in the model directory. Without a model the trainer needs both data files; with one, the test file is
/// replayed when it is there and synthetic customers are ingested when it is not; with neither a model nor the data
/// the AppHost refuses to start, saying which files go where.
/// </summary>
public static class DataPreflight
{
    /// <summary>The AppHost's exit code when it refuses to start (the Trainer's for missing data files too).</summary>
    public const int RefusedExitCode = 2;

    public const string ModelFileName = "model.onnx";
    public const string CardFileName = "model-card.json";

    /// <summary>Decides from the files as they are on disk now.</summary>
    public static DataPreflightResult Check(SharedDirectories directories) => Decide(
        directories,
        trainingFile: File.Exists(TrainingPath(directories)),
        testFile: File.Exists(TestPath(directories)),
        model: File.Exists(Path.Combine(directories.Model, ModelFileName)) && File.Exists(Path.Combine(directories.Model, CardFileName)));

    /// <summary>The decision for the files present (pure: a test states them).</summary>
    public static DataPreflightResult Decide(SharedDirectories directories, bool trainingFile, bool testFile, bool model)
    {
        if (!model && !(trainingFile && testFile))
        {
            return new(DataPreflightOutcome.Refused, Refusal(directories, trainingFile, testFile));
        }
        if (!testFile)
        {
            return new(DataPreflightOutcome.Synthetic,
                $"Data: no test file at {TestPath(directories)}, so the services run on the synthetic stream " +
                $"(Churn:Ingest:Mode=Synthetic: customers drawn from the model card in {directories.Model}). To replay the " +
                $"test file instead, put {TrainerArgumentsExtensions.TestFile} into {directories.Data} (README, section Data).");
        }
        var replay = $"Data: replaying {TestPath(directories)}";
        return new(DataPreflightOutcome.Replay, (model, trainingFile) switch
        {
            (false, _) => $"{replay} once the trainer has trained a model into {directories.Model} from {TrainingPath(directories)}.",
            (true, false) => $"{replay} with the model in {directories.Model}; the training file {TrainingPath(directories)} " +
                             "is missing, so Retrain model would fail until it is there.",
            _ => $"{replay} with the model in {directories.Model}.",
        });
    }

    private static string Refusal(SharedDirectories directories, bool trainingFile, bool testFile)
    {
        var missing = new[]
            {
                (trainingFile, $"{TrainerArgumentsExtensions.TrainingFile} (training data, 2,666 rows)"),
                (testFile, $"{TrainerArgumentsExtensions.TestFile} (test data, 667 rows)"),
            }
            .Where(file => !file.Item1)
            .Select(file => $"  - {file.Item2}");
        return string.Join(Environment.NewLine,
        [
            "Churn cannot start: there is no model, and not the data files to train one.",
            $"Missing in {directories.Data} (the repository's data/ folder, or Churn:DataDirectory):",
            .. missing,
            $"No model in {directories.Model} ({ModelFileName} and {CardFileName}; the folder is artifacts/model, or Churn:ModelDirectory).",
            "Get the BigML telecom churn files as the README's Data section says (for example the Kaggle dataset " +
            $"'mnassrib/telecom-churn-datasets'), put them into {directories.Data} and run again; or put a trained model into " +
            $"{directories.Model}. Nothing was started.",
        ]);
    }

    private static string TrainingPath(SharedDirectories directories) => Path.Combine(directories.Data, TrainerArgumentsExtensions.TrainingFile);

    private static string TestPath(SharedDirectories directories) => Path.Combine(directories.Data, TrainerArgumentsExtensions.TestFile);
}
