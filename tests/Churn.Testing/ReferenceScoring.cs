using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Testing;

/// <summary>
/// The reference the serving path is checked against: the Trainer's ONNX graph run by one plain ONNX Runtime session
/// over all the customers at once — no pooling, no parallel runs, none of the serving scorer's code — followed by the
/// card's post-hoc calibrator, written out here from its definition (not <c>ProbabilityCalibrator.Apply</c>).
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
        var graph = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        return [.. graph.Select(p => Calibrate(card.Calibration?.Serving, p))];
    }

    /// <summary>Platt: σ(a · logit(p) + b) with p kept within 1e-7 of 0 and 1; isotonic: linear between knots, flat outside.</summary>
    public static float Calibrate(ProbabilityCalibrator? calibrator, float probability)
    {
        switch (calibrator?.Method)
        {
            case null or "none":
                return probability;
            case "platt":
                var p = Math.Min(Math.Max((double)probability, 1e-7), 1 - 1e-7);
                var z = calibrator.Platt!.Slope * Math.Log(p / (1 - p)) + calibrator.Platt.Intercept;
                return (float)(1 / (1 + Math.Exp(-z)));
            case "isotonic":
                var (x, y) = (calibrator.Isotonic!.Inputs, calibrator.Isotonic.Outputs);
                if (probability <= x[0]) return (float)y[0];
                for (var k = 1; k < x.Count; k++)
                {
                    if (probability <= x[k])
                    {
                        return (float)(y[k - 1] + (y[k] - y[k - 1]) * (probability - x[k - 1]) / (x[k] - x[k - 1]));
                    }
                }
                return (float)y[^1];
            default:
                throw new ArgumentException($"unknown calibration method '{calibrator.Method}'", nameof(calibrator));
        }
    }
}
