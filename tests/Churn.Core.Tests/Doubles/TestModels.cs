using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// Fixture models: a logistic graph over <see cref="ChurnFeatures"/>, its expected probabilities, and model files written
/// to a directory (with a card from <see cref="TestModelCards"/>).
/// </summary>
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

    /// <summary>Writes model.onnx then model-card.json (the Trainer's order) into <paramref name="directory"/>.</summary>
    public static void Write(string directory, byte[] onnx, ModelCard card)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(ModelFiles.ModelPath(directory), onnx);
        File.WriteAllText(ModelFiles.CardPath(directory),
            System.Text.Json.JsonSerializer.Serialize(card, System.Text.Json.JsonSerializerOptions.Web));
    }
}
