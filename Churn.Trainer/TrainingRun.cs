using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Churn.Trainer.Evaluation;
using Churn.Trainer.Export;
using Churn.Trainer.Reporting;
using Microsoft.ML;

namespace Churn.Trainer;

/// <summary>
/// The Trainer's steps in order: every decision from the training file alone (<see cref="Development"/>: leaderboard,
/// winner, calibrator, threshold), then the winner refit on the whole training file, evaluated once on the test file
/// with its calibrator and exported to ONNX (the card's parity check then proves the export and the calibrator on the
/// serving path).
/// </summary>
public static class TrainingRun
{
    /// <summary>The decisions from the training file alone (what <c>--cv-only</c> runs).</summary>
    public static DevelopmentResult Develop(TrainerOptions options, ConsoleProgress progress)
    {
        var train = LabelledData.Load(options.TrainPath);
        progress.DataLoaded("training", train);
        return Development.Run(train, options.Seed, progress, options.Candidates);
    }

    public static TrainingResult Execute(TrainerOptions options, ConsoleProgress progress)
    {
        var development = Develop(options, progress);
        var train = development.Train;

        // The test file is read only now, after every rule has been applied.
        var test = LabelledData.Load(options.TestPath);
        progress.DataLoaded("test", test);
        var ml = new MLContext(options.Seed);
        var model = development.Winner.Candidate.Build(ml).Fit(FeatureViews.Labelled(ml, train.Customers));
        var testProbabilities = FeatureViews.Probabilities(model, FeatureViews.Unlabelled(ml, test.Customers));
        development.Calibration.Serving.Apply(testProbabilities);
        var holdout = BinaryMetrics.Compute(test.Labels, testProbabilities, development.Threshold);

        var onnx = OnnxExport.Export(ml, model, train.Customers);
        return new TrainingResult(development, test, holdout, RocCurve.Compute(test.Labels, testProbabilities),
            ReliabilityDiagram.Compute(test.Labels, testProbabilities), testProbabilities, onnx);
    }
}
