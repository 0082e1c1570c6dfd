using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Trainer.Data;
using Microsoft.ML;

namespace Churn.Trainer.Export;

/// <summary>
/// Exports the fitted pipeline to ONNX (single input <c>Features</c>, output <c>Probability.output</c>), then proves the
/// export on the serving path: the scorer that serves (<see cref="OnnxChurnScorer"/>, with its card, schema validation,
/// probe and the card's post-hoc calibrator) scores every test customer, and each probability must equal ML.NET's —
/// after the same calibrator — within the tolerance.
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

    /// <summary>
    /// Scores <paramref name="customers"/> with the serving scorer loaded from <paramref name="onnx"/> and
    /// <paramref name="card"/> (the card about to be written; its parity is what this computes) and compares with
    /// <paramref name="mlNetProbabilities"/>: ML.NET's probabilities passed through the card's calibrator.
    /// </summary>
    public static OnnxParity Verify(byte[] onnx, ModelCard card, IReadOnlyList<CustomerRecord> customers, float[] mlNetProbabilities)
    {
        var served = new float[customers.Count];
        try
        {
            using var scorer = new OnnxChurnScorer(onnx, card, new OnnxScorerOptions());
            ModelCandidate.Probe(scorer);
            scorer.Score(customers.ToArray(), served);
        }
        catch (ModelValidationException e)
        {
            throw new OnnxParityException($"The ONNX export cannot be served: {e.Message}; no model was written.");
        }
        var maxAbsDiff = 0.0;
        for (var i = 0; i < customers.Count; i++)
        {
            maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(served[i] - mlNetProbabilities[i]));
        }
        if (!(maxAbsDiff <= Tolerance))
        {
            throw new OnnxParityException(
                $"The served ONNX export differs from ML.NET by up to {maxAbsDiff:E3} (tolerance {Tolerance:E0}) on {customers.Count} test rows; no model was written.");
        }
        return new OnnxParity(maxAbsDiff, customers.Count, Tolerance);
    }
}
