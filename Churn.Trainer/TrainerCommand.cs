using System.Diagnostics;
using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Churn.Trainer.Export;
using Churn.Trainer.Reporting;

namespace Churn.Trainer;

/// <summary>The Trainer run from the command line: checks inputs, trains, writes the artifacts, prints the outcome.</summary>
public static class TrainerCommand
{
    public static async Task<int> RunAsync(TrainerOptions options, TextWriter output, TextWriter errors)
    {
        var modelPath = Path.Combine(options.OutputDirectory, ModelArtifacts.ModelFileName);
        if (options.OnlyIfMissing && File.Exists(modelPath))
        {
            await output.WriteLineAsync($"A model already exists at {modelPath}; nothing to train (--if-missing).");
            return 0;
        }
        if (DataFiles.Missing(options) is { } missingMessage)
        {
            await errors.WriteLineAsync(missingMessage);
            return 2;
        }
        try
        {
            var progress = new ConsoleProgress(output);
            if (options.CrossValidationOnly)
            {
                TrainingRun.Develop(options, progress);
                progress.DevelopedOnly();
                return 0;
            }
            var clock = Stopwatch.StartNew();
            var result = TrainingRun.Execute(options, progress);
            var card = ModelArtifacts.Write(result, options, clock.Elapsed);
            progress.Finished(card, options.OutputDirectory);
            return 0;
        }
        catch (TrainingDataException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 3;
        }
        catch (OnnxParityException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 4;
        }
    }

    public static int Usage(string? error, TextWriter output)
    {
        output.WriteLine(error);
        output.WriteLine("Usage: dotnet run --project Churn.Trainer -- [--train <csv>] [--test <csv>] [--out <dir>] [--seed N] [--candidates a,b] [--if-missing] [--cv-only]");
        output.WriteLine("Defaults: --train data/churn-bigml-80.csv --test data/churn-bigml-20.csv --out artifacts/model --seed 1");
        output.WriteLine("--cv-only: cross-validate, select and calibrate on the training file only; the test file is not read, nothing is written.");
        output.WriteLine("--candidates: only these candidates compete (e.g. a challenger: --candidates fast-tree-8-leaves-ff --out artifacts/model/challenger).");
        return 1;
    }
}
