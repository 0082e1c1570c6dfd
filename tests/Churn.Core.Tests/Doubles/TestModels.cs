using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;

namespace Churn.Core.Tests.Doubles;

/// <summary>Fixture models: a logistic graph over <see cref="ChurnFeatures"/> with a card, written to a directory.</summary>
internal static class TestModels
{
    // Weights by feature name; every other ChurnFeatures entry weighs 0 (the graph still takes the full vector).
    private static readonly Dictionary<string, float> WeightByName = new()
    {
        ["InternationalPlan"] = 2.0f, ["VoiceMailPlan"] = -1.0f, ["AccountLength"] = 0.001f,
        ["NumberVmailMessages"] = -0.01f, ["TotalDayMinutes"] = 0.01f, ["TotalEveMinutes"] = 0.002f,
        ["TotalNightMinutes"] = 0.001f, ["TotalIntlMinutes"] = 0.05f, ["TotalIntlCalls"] = -0.1f,
        ["CustomerServiceCalls"] = 0.3f, ["TotalCharge"] = 0.05f, ["ManyServiceCalls"] = 1.5f,
    };

    public static readonly float[] Weights = ChurnFeatures.Names.Select(n => WeightByName.GetValueOrDefault(n)).ToArray();

    public const float Bias = -7.0f;

    public static byte[] Onnx(float bias = Bias, bool outputIsMatrix = false) =>
        OnnxGraphWriter.Logistic(Weights, bias, outputIsMatrix: outputIsMatrix);

    /// <summary>The probability the fixture graph must produce, computed independently in C#.</summary>
    public static double Expected(CustomerRecord c, float bias = Bias)
    {
        var x = ChurnFeatures.Build(c);
        double logit = bias;
        for (var i = 0; i < x.Length; i++)
        {
            logit += (double)Weights[i] * x[i];
        }
        return 1 / (1 + Math.Exp(-logit));
    }

    public static ModelCard Card(string version, double threshold = 0.5, int? featureCount = null,
        string input = "Features", string output = "Probability.output") => new()
    {
        Version = version,
        Created = DateTimeOffset.UnixEpoch,
        Algorithm = "fixture-logistic",
        Hyperparameters = new Dictionary<string, string>(),
        Threshold = threshold,
        ThresholdRule = "fixed",
        SelectionRule = "fixture",
        Seed = 1,
        TrainingData = new DataDescription("train.csv", "00", 0, 0),
        TestData = new DataDescription("test.csv", "00", 0, 0),
        Leaderboard = [],
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.5, AucPr = 0.5, Accuracy = 0.5, Precision = 0.5, Recall = 0.5, F1 = 0.5, LogLoss = 1,
            ConfusionMatrix = new ConfusionMatrix(0, 0, 0, 0), Roc = [],
        },
        OnnxParity = new OnnxParity(0, 0, 1e-5),
        Onnx = new OnnxSignature(input, output, featureCount ?? ChurnFeatures.Count),
        FeatureNames = ChurnFeatures.Names,
        FeatureStatistics = new Dictionary<string, FeatureStatistics>(),
        TrainingSeconds = 0,
    };

    /// <summary>Writes model.onnx then model-card.json (the Trainer's order) into <paramref name="directory"/>.</summary>
    public static void Write(string directory, byte[] onnx, ModelCard card)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(ModelFiles.ModelPath(directory), onnx);
        File.WriteAllText(ModelFiles.CardPath(directory),
            System.Text.Json.JsonSerializer.Serialize(card, System.Text.Json.JsonSerializerOptions.Web));
    }

    public static CustomerRecord Customer(int serviceCalls = 1, bool intlPlan = false, double dayMinutes = 180,
        bool? churn = null) => new()
    {
        State = "KS", AccountLength = 100, AreaCode = 415, InternationalPlan = intlPlan, VoiceMailPlan = false,
        NumberVmailMessages = 0, TotalDayMinutes = dayMinutes, TotalDayCalls = 100, TotalDayCharge = Math.Round(dayMinutes * 0.17, 2),
        TotalEveMinutes = 200, TotalEveCalls = 100, TotalEveCharge = 17.0, TotalNightMinutes = 200, TotalNightCalls = 100,
        TotalNightCharge = 9.0, TotalIntlMinutes = 10, TotalIntlCalls = 4, TotalIntlCharge = 2.7,
        CustomerServiceCalls = serviceCalls, Churn = churn,
    };
}
