using Churn.Core.Reasons;
using Churn.Core.Reasons.Proto;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Core.Tests.Reasons;

/// <summary>
/// The Trainer's whole graph run by one plain ONNX Runtime session with the tree ensemble's output made an extra graph
/// output (every node kept): the raw score and the served probability of each row, side by side. Independent of the
/// product's <see cref="EnsembleOutputs"/> cut.
/// </summary>
internal static class ServedGraph
{
    public static (float[] Scores, float[] Probabilities) Run(byte[] model, ModelCard card, float[] rows)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var ensemble = proto.Graph.Node.Single(n => n.OpType == OnnxTreeEnsembleReader.OperatorName);
        var scoreName = ensemble.Output[0];
        proto.Graph.Output.Add(new ValueInfoProto
        {
            Name = scoreName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        });
        using var session = new InferenceSession(proto.ToByteArray());
        var count = rows.Length / ChurnFeatures.Count;
        using var input = OrtValue.CreateTensorValueFromMemory(rows, [count, ChurnFeatures.Count]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [card.Onnx.InputName], [input], [scoreName, card.Onnx.OutputName]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    public static float[] Features(IReadOnlyList<CustomerRecord> customers)
    {
        var rows = new float[customers.Count * ChurnFeatures.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            ChurnFeatures.Write(customers[i], rows.AsSpan(i * ChurnFeatures.Count, ChurnFeatures.Count));
        }
        return rows;
    }
}
