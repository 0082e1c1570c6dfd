using Churn.Core.Reasons.Proto;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Core.Reasons;

/// <summary>
/// The tree ensemble's raw output as ONNX Runtime computes it: the model cut after its <c>TreeEnsembleRegressor</c>
/// (that node alone, its output made the graph's output, its post-transform NONE), run on rows of features. What the
/// explainer's contributions must add up to, checked by the Trainer and the tests.
/// </summary>
public static class EnsembleOutputs
{
    public static float[] Compute(byte[] model, string inputName, float[] rows, int width)
    {
        using var session = new InferenceSession(Truncate(model, inputName));
        var count = rows.Length / width;
        var output = session.OutputMetadata.Keys.Single();
        using var input = OrtValue.CreateTensorValueFromMemory(rows, [count, width]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [inputName], [input], [output]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>The model with only the ensemble node (and the Identity nodes it reads through), its output the graph's.</summary>
    internal static byte[] Truncate(byte[] model, string inputName)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var graph = proto.Graph;
        var ensemble = OnnxTreeEnsembleReader.EnsembleNode(graph, inputName);
        var kept = new List<NodeProto>();
        for (var source = ensemble.Input[0]; source != inputName;)
        {
            var identity = graph.Node.First(n => n.Output.Contains(source));
            kept.Insert(0, identity);
            source = identity.Input[0];
        }
        var cut = ensemble.Clone();
        var transform = cut.Attribute.FirstOrDefault(a => a.Name == "post_transform");
        if (transform is not null)
        {
            transform.S = ByteString.CopyFromUtf8("NONE");
        }
        kept.Add(cut);
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        graph.Output.Clear();
        graph.Output.Add(new ValueInfoProto
        {
            Name = cut.Output[0],
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float,
                    Shape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dimension { DimParam = "N" }, new TensorShapeProto.Types.Dimension { DimValue = 1 } } },
                },
            },
        });
        var used = kept.SelectMany(n => n.Input).ToHashSet();
        var initializers = graph.Initializer.Where(t => used.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        graph.ValueInfo.Clear();
        return proto.ToByteArray();
    }
}
