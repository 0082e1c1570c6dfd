using Churn.Trainer.Candidates;
using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Churn.Trainer.Export;
using Churn.Trainer.Reporting;
using Microsoft.ML;

namespace Churn.Trainer;

/// <summary>
/// The Trainer's steps in order: cross-validate every candidate on the training file, select the winner and its
/// threshold from cross-validated results only, refit it on the whole training file, evaluate it once on the test
/// file and export it to ONNX (the card's parity check then proves the export on the serving path).
/// </summary>
public static class TrainingRun
{
    public static TrainingResult Execute(TrainerOptions options, ConsoleProgress progress)
    {
        var train = LabelledData.Load(options.TrainPath);
        var test = LabelledData.Load(options.TestPath);
        progress.DataLoaded(train, test);

        var candidates = CandidateCatalog.All(options.Seed);
        var leaderboard = new List<CrossValidationResult>();
        foreach (var candidate in candidates)
        {
            progress.CandidateStarted(candidate, leaderboard.Count + 1, candidates.Count);
            var result = CrossValidation.Run(candidate, train.Customers, options.Seed);
            leaderboard.Add(result);
            progress.CandidateFinished(result);
        }

        var winner = ModelSelection.Select(leaderboard);
        var threshold = ThresholdSelector.Select(winner.OutOfFoldLabels, winner.OutOfFold);
        progress.Selected(winner, threshold);

        var ml = new MLContext(options.Seed);
        var model = winner.Candidate.Build(ml).Fit(FeatureViews.Labelled(ml, train.Customers));
        var testProbabilities = FeatureViews.Probabilities(model, FeatureViews.Unlabelled(ml, test.Customers));
        var holdout = BinaryMetrics.Compute(test.Labels, testProbabilities, threshold);

        var onnx = OnnxExport.Export(ml, model, train.Customers);
        return new TrainingResult(train, test, leaderboard, winner, threshold, holdout,
            RocCurve.Compute(test.Labels, testProbabilities), testProbabilities, onnx);
    }
}
