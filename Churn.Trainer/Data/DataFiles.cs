using Churn.Trainer.Cli;

namespace Churn.Trainer.Data;

/// <summary>Tells the user exactly which data files are missing and where to put them.</summary>
public static class DataFiles
{
    public static string? Missing(TrainerOptions options)
    {
        var needed = options.CrossValidationOnly
            ? new[] { ("training", options.TrainPath) }
            : new[] { ("training", options.TrainPath), ("test", options.TestPath) };
        var missing = needed
            .Where(f => !File.Exists(f.Item2))
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var lines = missing.Select(f => $"  - the {f.Item1} file: {Path.GetFullPath(f.Item2)}");
        return "The Trainer cannot run: these data files are missing:" + Environment.NewLine
            + string.Join(Environment.NewLine, lines) + Environment.NewLine
            + "Download the BigML telecom churn files (churn-bigml-80.csv and churn-bigml-20.csv, e.g. from the Kaggle "
            + "dataset 'mnassrib/telecom-churn-datasets') and put them into the data/ folder of this repository, "
            + "or pass --train <csv> and --test <csv>.";
    }
}
