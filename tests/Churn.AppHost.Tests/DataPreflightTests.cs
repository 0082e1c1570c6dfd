using Churn.AppHost.Infrastructure;
using Churn.AppHost.Services;
using Churn.Testing;
using TempDirectory = Churn.Testing.TempDirectory;

namespace Churn.AppHost.Tests;

/// <summary>
/// What the AppHost decides, before adding any resource, from the data files and the model it finds: replay the test
/// file, run on the synthetic stream, or refuse to start with what is missing, where it goes and where to get it.
/// </summary>
public sealed class DataPreflightTests : IDisposable
{
    private readonly TempDirectory root = new();

    private SharedDirectories Directories => new(root.Combine("data"), root.Combine("model"));

    [Fact]
    public void No_data_and_no_model_is_refused_naming_the_files_where_they_go_and_where_to_get_them()
    {
        var result = DataPreflight.Decide(Directories, trainingFile: false, testFile: false, model: false);

        Assert.Equal(DataPreflightOutcome.Refused, result.Outcome);
        Assert.Equal(
            [
                "Churn cannot start: there is no model, and not the data files to train one.",
                $"Missing in {Directories.Data} (the repository's data/ folder, or Churn:DataDirectory):",
                "  - churn-bigml-80.csv (training data, 2,666 rows)",
                "  - churn-bigml-20.csv (test data, 667 rows)",
                $"No model in {Directories.Model} (model.onnx and model-card.json; the folder is artifacts/model, or Churn:ModelDirectory).",
                "Get the BigML telecom churn files as the README's Data section says (for example the Kaggle dataset " +
                $"'mnassrib/telecom-churn-datasets'), put them into {Directories.Data} and run again; or put a trained model into " +
                $"{Directories.Model}. Nothing was started.",
            ],
            result.Message.Split(Environment.NewLine));
    }

    [Theory]
    [InlineData(true, false, "churn-bigml-20.csv")]
    [InlineData(false, true, "churn-bigml-80.csv")]
    public void Without_a_model_one_missing_data_file_is_refused_naming_only_that_file(bool trainingFile, bool testFile, string missing)
    {
        var result = DataPreflight.Decide(Directories, trainingFile, testFile, model: false);

        Assert.Equal(DataPreflightOutcome.Refused, result.Outcome);
        var listed = result.Message.Split(Environment.NewLine).Where(line => line.StartsWith("  - ", StringComparison.Ordinal));
        Assert.StartsWith($"  - {missing} ", Assert.Single(listed));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_model_without_the_test_file_runs_on_the_synthetic_stream_and_says_so(bool trainingFile)
    {
        var result = DataPreflight.Decide(Directories, trainingFile, testFile: false, model: true);

        Assert.Equal(DataPreflightOutcome.Synthetic, result.Outcome);
        Assert.Equal(
            $"Data: no test file at {Path.Combine(Directories.Data, "churn-bigml-20.csv")}, so the services run on the synthetic stream " +
            $"(Churn:Ingest:Mode=Synthetic: customers drawn from the model card in {Directories.Model}). To replay the test file " +
            $"instead, put churn-bigml-20.csv into {Directories.Data} (README, section Data).",
            result.Message);
    }

    [Fact]
    public void A_missing_training_file_is_fine_when_a_model_is_there()
    {
        var result = DataPreflight.Decide(Directories, trainingFile: false, testFile: true, model: true);

        Assert.Equal(DataPreflightOutcome.Replay, result.Outcome);
        Assert.Contains("Retrain model would fail", result.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Both_data_files_replay_the_test_file_with_the_model_or_after_training_one(bool model)
    {
        var result = DataPreflight.Decide(Directories, trainingFile: true, testFile: true, model);

        Assert.Equal(DataPreflightOutcome.Replay, result.Outcome);
        Assert.StartsWith($"Data: replaying {Path.Combine(Directories.Data, "churn-bigml-20.csv")}", result.Message);
        Assert.Equal(!model, result.Message.Contains("once the trainer has trained a model"));
    }

    [Fact]
    public void Check_finds_the_files_on_disk_and_a_model_needs_its_card()
    {
        Directory.CreateDirectory(Directories.Data);
        Directory.CreateDirectory(Directories.Model);
        File.WriteAllText(Path.Combine(Directories.Model, "model.onnx"), "graph");
        Assert.Equal(DataPreflightOutcome.Refused, DataPreflight.Check(Directories).Outcome);

        File.WriteAllText(Path.Combine(Directories.Model, "model-card.json"), "{}");
        Assert.Equal(DataPreflightOutcome.Synthetic, DataPreflight.Check(Directories).Outcome);

        File.WriteAllText(Path.Combine(Directories.Data, TrainerArgumentsExtensions.TestFile), "csv");
        Assert.Equal(DataPreflightOutcome.Replay, DataPreflight.Check(Directories).Outcome);
    }

    public void Dispose() => root.Dispose();
}
