using System.Runtime.InteropServices;
using Churn.Core.Reasons.Proto;

namespace Churn.Core.Reasons;

/// <summary>A node's attributes by name, typed as the ONNX operator defines them (a list of floats may also come as a
/// <c>{name}_as_tensor</c> float or double tensor, as ai.onnx.ml opset 3 allows).</summary>
internal sealed class Attributes(NodeProto node)
{
    private readonly Dictionary<string, AttributeProto> _byName = node.Attribute.ToDictionary(a => a.Name);

    public string String(string name, string fallback) =>
        _byName.TryGetValue(name, out var a) ? a.S.ToStringUtf8() : fallback;

    public long Int(string name, long fallback) => _byName.TryGetValue(name, out var a) ? a.I : fallback;

    public long[] Ints(string name) => _byName.TryGetValue(name, out var a) ? [.. a.Ints] : [];

    public string[] Strings(string name) => _byName.TryGetValue(name, out var a) ? [.. a.Strings.Select(s => s.ToStringUtf8())] : [];

    /// <summary>Floats kept as floats (split thresholds, which ONNX Runtime compares in float for a float input).</summary>
    public float[] Floats(string name)
    {
        if (_byName.TryGetValue(name, out var a))
        {
            return [.. a.Floats];
        }
        if (!_byName.TryGetValue(name + "_as_tensor", out var t))
        {
            return [];
        }
        return (TensorProto.Types.DataType)t.T.DataType == TensorProto.Types.DataType.Float
            ? FloatData(t.T)
            : throw new TreeEnsembleFormatException($"{name}_as_tensor is of type {t.T.DataType}; only float thresholds are supported");
    }

    /// <summary>Floats or doubles as doubles (leaf weights, base values).</summary>
    public double[] Doubles(string name)
    {
        if (_byName.TryGetValue(name, out var a))
        {
            return [.. a.Floats.Select(f => (double)f)];
        }
        if (!_byName.TryGetValue(name + "_as_tensor", out var t))
        {
            return [];
        }
        return (TensorProto.Types.DataType)t.T.DataType switch
        {
            TensorProto.Types.DataType.Float => [.. FloatData(t.T).Select(f => (double)f)],
            TensorProto.Types.DataType.Double => t.T.RawData.IsEmpty
                ? [.. t.T.DoubleData]
                : MemoryMarshal.Cast<byte, double>(t.T.RawData.Span).ToArray(),
            var other => throw new TreeEnsembleFormatException($"{name}_as_tensor is of type {other}; expected float or double"),
        };
    }

    private static float[] FloatData(TensorProto tensor) =>
        tensor.RawData.IsEmpty ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
}
