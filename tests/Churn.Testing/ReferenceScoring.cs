using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Testing;

/// <summary>
/// The reference the serving path is checked against: the Trainer's ONNX graph run by one plain ONNX Runtime session
/// over all the customers at once — no pooling, no parallel runs, none of the serving scorer's code.
/// </summary>
public static class ReferenceScoring
{
    public static float[] Score(string modelPath, ModelCard card, IReadOnlyList<CustomerRecord> customers)
    {
        using var session = new InferenceSession(modelPath);
        var features = new float[customers.Count * ChurnFeatures.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            ChurnFeatures.Write(customers[i], features.AsSpan(i * ChurnFeatures.Count, ChurnFeatures.Count));
        }
        using var input = OrtValue.CreateTensorValueFromMemory(features, [customers.Count, ChurnFeatures.Count]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [card.Onnx.InputName], [input], [card.Onnx.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
