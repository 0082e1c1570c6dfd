using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Churn.Trainer.Data;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Trainer.Export;

/// <summary>
/// Exports the fitted pipeline to ONNX (single input <c>Features</c>, output <c>Probability.output</c>), then proves the
/// export: ONNX Runtime scores every test customer and each probability must equal ML.NET's within the tolerance.
/// </summary>
public static class OnnxExport
{
    public const double Tolerance = 1e-5;
    public const string InputName = FeatureViews.FeaturesColumn;
    public const string OutputName = FeatureViews.ProbabilityColumn + ".output";

    public static byte[] Export(MLContext ml, ITransformer model, IReadOnlyList<CustomerRecord> sample)
    {
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, FeatureViews.Unlabelled(ml, sample.Take(1)), stream, FeatureViews.ProbabilityColumn);
        return stream.ToArray();
    }

    public static OnnxParity Verify(byte[] onnx, IReadOnlyList<CustomerRecord> customers, float[] mlNetProbabilities)
    {
        var onnxProbabilities = Score(onnx, customers);
        var maxAbsDiff = 0.0;
        for (var i = 0; i < customers.Count; i++)
        {
            maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(onnxProbabilities[i] - mlNetProbabilities[i]));
        }
        if (!(maxAbsDiff <= Tolerance))
        {
            throw new OnnxParityException(
                $"The ONNX export differs from ML.NET by up to {maxAbsDiff:E3} (tolerance {Tolerance:E0}) on {customers.Count} test rows; no model was written.");
        }
        return new OnnxParity(maxAbsDiff, customers.Count, Tolerance);
    }

    /// <summary>Scores customers with ONNX Runtime in one batch.</summary>
    public static float[] Score(byte[] onnx, IReadOnlyList<CustomerRecord> customers)
    {
        using var session = new InferenceSession(onnx);
        var features = new float[customers.Count * ChurnFeatures.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            ChurnFeatures.Write(customers[i], features.AsSpan(i * ChurnFeatures.Count, ChurnFeatures.Count));
        }
        using var input = OrtValue.CreateTensorValueFromMemory(features, [customers.Count, ChurnFeatures.Count]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [InputName], [input], [OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
