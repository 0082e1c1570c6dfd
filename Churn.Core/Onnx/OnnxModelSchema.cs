using Churn.Core.Serving;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Churn.Core.Onnx;

/// <summary>Checks that a loaded graph is the one its card describes and that <see cref="ChurnFeatures"/> can feed it.</summary>
internal static class OnnxModelSchema
{
    /// <summary>Throws <see cref="ModelValidationException"/> on any mismatch; returns true when the output is [-1, 1].</summary>
    public static bool Validate(InferenceSession session, ModelCard card)
    {
        var onnx = card.Onnx;
        Require(onnx.FeatureCount == ChurnFeatures.Count,
            $"card says {onnx.FeatureCount} features, this build computes {ChurnFeatures.Count}");
        Require(card.FeatureNames.SequenceEqual(ChurnFeatures.Names),
            $"card feature order [{string.Join(", ", card.FeatureNames)}] differs from ChurnFeatures");
        Require(session.InputMetadata.Count == 1,
            $"graph has {session.InputMetadata.Count} inputs ({Names(session.InputMetadata)}), expected one");
        Require(session.InputMetadata.TryGetValue(onnx.InputName, out var input),
            $"graph input is '{Names(session.InputMetadata)}', card says '{onnx.InputName}'");
        Require(input!.IsTensor && input.ElementDataType == TensorElementType.Float,
            $"input '{onnx.InputName}' must be a float tensor, is {input.ElementDataType}");
        Require(input.Dimensions is [_, var width] && width == ChurnFeatures.Count,
            $"input '{onnx.InputName}' has shape [{string.Join(", ", input.Dimensions)}], expected [-1, {ChurnFeatures.Count}]");
        Require(input.Dimensions[0] is -1 or 0,
            $"input '{onnx.InputName}' has a fixed batch dimension {input.Dimensions[0]}; expected a dynamic one");
        Require(session.OutputMetadata.TryGetValue(onnx.OutputName, out var output),
            $"graph has no output '{onnx.OutputName}' (outputs: {Names(session.OutputMetadata)})");
        Require(output!.IsTensor && output.ElementDataType == TensorElementType.Float,
            $"output '{onnx.OutputName}' must be a float tensor, is {output.ElementDataType}");
        Require(output.Dimensions is [_] or [_, 1],
            $"output '{onnx.OutputName}' has shape [{string.Join(", ", output.Dimensions)}], expected [-1] or [-1, 1]");
        return output.Dimensions.Length == 2;
    }

    private static string Names(IReadOnlyDictionary<string, NodeMetadata> nodes) => string.Join(", ", nodes.Keys);

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new ModelValidationException(reason);
        }
    }
}
