using Churn.Testing;
using Churn.Trainer.Candidates;
using Churn.Trainer.Cli;

namespace Churn.Trainer.Tests;

public class TrainerCommandLineTests
{
    [Fact]
    public void Defaults_are_the_repository_data_files_and_artifacts_model()
    {
        Assert.True(TrainerOptions.TryParse([], out var options, out _));

        Assert.Equal(Path.Combine("data", "churn-bigml-80.csv"), options.TrainPath);
        Assert.Equal(Path.Combine("data", "churn-bigml-20.csv"), options.TestPath);
        Assert.Equal(Path.Combine("artifacts", "model"), options.OutputDirectory);
        Assert.Equal(1, options.Seed);
    }

    [Fact]
    public void Every_option_is_read()
    {
        Assert.True(TrainerOptions.TryParse(["--train", "a.csv", "--test", "b.csv", "--out", "m", "--seed", "7", "--if-missing", "--cv-only"], out var options, out _));

        Assert.Equal(new TrainerOptions { TrainPath = "a.csv", TestPath = "b.csv", OutputDirectory = "m", Seed = 7, OnlyIfMissing = true, CrossValidationOnly = true }, options);
    }

    [Fact]
    public void Candidates_narrow_the_catalog_to_the_ones_named()
    {
        Assert.True(TrainerOptions.TryParse(["--candidates", "fast-tree-8-leaves-ff, logistic-regression", "--out", "artifacts/model/challenger"],
            out var options, out _));

        Assert.Equal(["fast-tree-8-leaves-ff", "logistic-regression"], options.Candidates);
        Assert.Equal("artifacts/model/challenger", options.OutputDirectory);
        Assert.False(TrainerOptions.TryParse(["--candidates", "fast-tree-9000"], out _, out var error));
        Assert.StartsWith("--candidates takes names of the catalog separated by commas; 'fast-tree-9000' is none of logistic-regression, ", error);
    }

    [Theory]
    [InlineData(new[] { "--seed", "x" }, "--seed must be an integer, not 'x'.")]
    [InlineData(new[] { "--train" }, "Option '--train' needs a value.")]
    [InlineData(new[] { "--bogus", "1" }, "Unknown option '--bogus'.")]
    public void Bad_arguments_are_named(string[] args, string expected)
    {
        Assert.False(TrainerOptions.TryParse(args, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task Missing_data_files_end_the_run_with_a_message_naming_them_and_where_to_put_them()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "churn-bigml-80.csv");
        var stderr = new StringWriter();

        var exit = await TrainerCommand.RunAsync(new TrainerOptions { TrainPath = missing, TestPath = missing }, TextWriter.Null, stderr);

        Assert.NotEqual(0, exit);
        Assert.Contains(missing, stderr.ToString());
        Assert.Contains("data/ folder", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public async Task Cv_only_makes_every_decision_from_the_training_file_without_reading_the_test_file_or_writing_anything()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        using var temp = new TempDirectory();
        var train = temp.Combine("train.csv"); // the header and 900 rows keep this run short
        await File.WriteAllLinesAsync(train, File.ReadLines(RepositoryPaths.TrainFile).Take(901), TestContext.Current.CancellationToken);
        var options = new TrainerOptions
        {
            TrainPath = train, TestPath = temp.Combine("no-such-test-file.csv"), OutputDirectory = temp.Combine("model"), CrossValidationOnly = true,
        };
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await TrainerCommand.RunAsync(options, output, errors);

        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        var text = output.ToString();
        Assert.All(CandidateCatalog.All(1), c => Assert.Contains(c.Name, text));
        Assert.Contains("Brier", text);
        Assert.Contains("ECE", text);
        Assert.Contains("post-hoc calibration", text);
        Assert.Matches(@"calibrator (none|platt|isotonic); threshold 0\.\d+", text);
        Assert.Contains("the test file was not read", text);
        Assert.False(Directory.Exists(options.OutputDirectory));
    }
}
