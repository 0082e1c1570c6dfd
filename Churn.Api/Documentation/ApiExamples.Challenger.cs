using Churn.Domain.Challenger;
using Churn.Domain.Features;

namespace Churn.Api.Documentation;

/// <summary>
/// The challenger's examples: the Trainer's FastTree candidate trained into the challenger slot
/// (<c>--candidates fast-tree-8-leaves-ff</c>, seed 1) and compared with the serving model on the 667 rows of the test
/// file replayed at 50 events/s (the embedded start) — the numbers of that run (agreement: the one customer only the
/// serving model calls a churner, a stayer, is the challenger's one fewer false positive).
/// </summary>
internal static partial class ApiExamples
{
    public const string ChallengerVersion = "fast-tree-8-leaves-ff-64558fb26ef8";

    public const double ChallengerThreshold = 0.371;

    /// <summary>A property, not a field: it derives from <see cref="Card"/>, whose initializer is in the other part of the class.</summary>
    public static ModelCard ChallengerCard => Card with
    {
        Version = ChallengerVersion, Algorithm = "FastTree",
        Hyperparameters = new Dictionary<string, string>
        {
            ["trees"] = "300", ["leaves"] = "8", ["learningRate"] = "0.03", ["minLeaf"] = "10", ["featureFraction"] = "0.8",
        },
        Threshold = ChallengerThreshold,
        Calibration = new CalibrationChoice
        {
            Serving = ProbabilityCalibrator.None,
            Rule = Card.Calibration?.Rule ?? "",
            Compared =
            [
                new CalibratorEvaluation { Method = "none", Brier = new(0.0206, 0.0051), Ece = new(0.0091, 0.0028), LogLoss = new(0.1042, 0.0207), Selected = true },
                new CalibratorEvaluation { Method = "platt", Brier = new(0.0208, 0.005), Ece = new(0.0089, 0.0034), LogLoss = new(0.1041, 0.0196), Selected = false },
                new CalibratorEvaluation { Method = "isotonic", Brier = new(0.0205, 0.0052), Ece = new(0.0055, 0.0043), LogLoss = new(0.1114, 0.0418), Selected = false },
            ],
        },
        OnnxParity = new OnnxParity(3.1e-7, 667, 1e-5),
        Onnx = new OnnxSignature("Features", "Probability.output", ChurnFeatures.Count),
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.934, AucPr = 0.908, Accuracy = 0.982, Precision = 1, Recall = 0.874, F1 = 0.933, LogLoss = 0.097,
            ConfusionMatrix = new ConfusionMatrix(83, 0, 12, 572), Roc = [new RocPoint(ChallengerThreshold, 0, 0.874)],
            Brier = 0.0185, Ece = 0.0059,
            Reliability = [new ReliabilityBin(0, 0.1, 570, 0.0231, 0.0211), new ReliabilityBin(0.9, 1, 82, 0.9721, 1)],
        },
        TrainingSeconds = 10.7,
    };

    public static ChallengerReport Challenger => new(ChallengerCard, ModelVersion, new ChallengerComparison
    {
        ChallengerVersion = ChallengerVersion,
        ShadowPredictions = 667,
        Window = 10_000,
        Events = 667,
        From = At.AddMilliseconds(9),
        To = At.AddSeconds(13).AddMilliseconds(331),
        ChampionVersions = [new VersionCount(ModelVersion, 667)],
        Agreement = 0.9985,
        Decisions = new DecisionTable(83, 1, 0, 583),
        MeanAbsoluteDifference = 0.0098,
        Labelled = 667,
        Champion = new ComparisonSide
        {
            MeanProbability = 0.1456, PredictedChurnRate = 0.1259, Auc = 0.9358, Precision = 0.9881, Recall = 0.8737, Brier = 0.019,
            ConfusionMatrix = new ConfusionMatrix(83, 1, 12, 571),
            // With the default economics: the 84 contacted customers' probabilities sum to about 82.6 (mean 0.983).
            ExpectedProfit = Math.Round(RetentionExamples.Economics.ExpectedProfit(82.6, 84), 2),
            RealisedProfit = RetentionExamples.Economics.RealisedProfit(83, 84),
        },
        Challenger = new ComparisonSide
        {
            MeanProbability = 0.1436, PredictedChurnRate = 0.1244, Auc = 0.9335, Precision = 1, Recall = 0.8737, Brier = 0.0185,
            ConfusionMatrix = new ConfusionMatrix(83, 0, 12, 572),
            ExpectedProfit = Math.Round(RetentionExamples.Economics.ExpectedProfit(82.1, 83), 2),
            RealisedProfit = RetentionExamples.Economics.RealisedProfit(83, 83),
        },
    });

    public static readonly ModelSwapResult Promoted = new(ModelSwapOutcome.Swapped, ChallengerVersion);

    public static readonly ModelSwapResult ChallengerLoaded = new(ModelSwapOutcome.Swapped, ChallengerVersion);
}
