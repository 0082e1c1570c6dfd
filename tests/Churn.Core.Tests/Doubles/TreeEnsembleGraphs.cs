using Churn.Core.Reasons;
using Churn.Core.Reasons.Proto;
using Google.Protobuf;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// Small ONNX graphs around one <c>TreeEnsembleRegressor</c> (input <c>Features</c> [N, width], output <c>Score</c>),
/// built with the product's generated ONNX messages, to pin the reader to ONNX Runtime's semantics on every mode.
/// </summary>
internal static class TreeEnsembleGraphs
{
    public sealed record Node(long Tree, long Id, string Mode, long Feature = 0, float Value = 0, long True = 0, long False = 0,
        bool MissingTrue = false);

    public sealed record Leaf(long Tree, long Node, float Weight, long Target = 0);

    /// <summary>Two trees over 3 features that use every branch mode and missing tracks.</summary>
    public static (Node[] Nodes, Leaf[] Leaves) EveryMode() => (
        [
            new(0, 0, "BRANCH_LEQ", 0, 0.5f, 1, 2, MissingTrue: true),
            new(0, 1, "BRANCH_LT", 1, 2f, 3, 4),
            new(0, 2, "BRANCH_GTE", 2, -1f, 5, 6),
            new(0, 3, "LEAF"), new(0, 4, "LEAF"),
            new(0, 5, "BRANCH_EQ", 0, 3f, 7, 8),
            new(0, 6, "LEAF"), new(0, 7, "LEAF"), new(0, 8, "LEAF"),
            new(1, 0, "BRANCH_GT", 1, 0f, 1, 2),
            new(1, 1, "BRANCH_NEQ", 2, 1f, 3, 4, MissingTrue: true),
            new(1, 2, "LEAF"), new(1, 3, "LEAF"), new(1, 4, "LEAF"),
        ],
        [
            new(0, 3, 1.5f), new(0, 4, -0.75f), new(0, 6, 0.25f), new(0, 7, 2f), new(0, 8, -2f),
            new(1, 2, 0.125f), new(1, 3, -1f), new(1, 4, 3f),
        ]);

    /// <summary>Rows on both sides of and exactly at every threshold, and NaN in every feature.</summary>
    public static float[] Rows()
    {
        float[] values = [float.NaN, -2f, -1f, 0f, 0.5f, 1f, 2f, 3f, 4f];
        var rows = new List<float>();
        foreach (var a in values)
        foreach (var b in values)
        foreach (var c in values)
        {
            rows.AddRange([a, b, c]);
        }
        return [.. rows];
    }

    /// <summary>Node covers of 200 random rows of 3 features in [-2, 4).</summary>
    public static double[] Covers(TreeEnsemble ensemble)
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200).Select(_ => new[] { (float)random.NextDouble() * 6 - 2, (float)random.NextDouble() * 6 - 2, (float)random.NextDouble() * 6 - 2 });
        return [.. TreeCovers.Count(ensemble, rows).Select(c => (double)c)];
    }

    public static byte[] Model(Node[] nodes, Leaf[] leaves, string aggregate = "SUM", float[]? baseValues = null,
        string postTransform = "NONE", int width = 3, long targets = 1, string? through = null)
    {
        var ensemble = new NodeProto { OpType = "TreeEnsembleRegressor", Domain = "ai.onnx.ml", Name = "trees", Output = { "Score" } };
        ensemble.Input.Add(through is null ? "Features" : "scaled");
        ensemble.Attribute.Add(Ints("nodes_treeids", nodes.Select(n => n.Tree)));
        ensemble.Attribute.Add(Ints("nodes_nodeids", nodes.Select(n => n.Id)));
        ensemble.Attribute.Add(Ints("nodes_featureids", nodes.Select(n => n.Feature)));
        ensemble.Attribute.Add(Strings("nodes_modes", nodes.Select(n => n.Mode)));
        ensemble.Attribute.Add(Floats("nodes_values", nodes.Select(n => n.Value)));
        ensemble.Attribute.Add(Ints("nodes_truenodeids", nodes.Select(n => n.True)));
        ensemble.Attribute.Add(Ints("nodes_falsenodeids", nodes.Select(n => n.False)));
        ensemble.Attribute.Add(Ints("nodes_missing_value_tracks_true", nodes.Select(n => n.MissingTrue ? 1L : 0L)));
        ensemble.Attribute.Add(Ints("target_treeids", leaves.Select(l => l.Tree)));
        ensemble.Attribute.Add(Ints("target_nodeids", leaves.Select(l => l.Node)));
        ensemble.Attribute.Add(Ints("target_ids", leaves.Select(l => l.Target)));
        ensemble.Attribute.Add(Floats("target_weights", leaves.Select(l => l.Weight)));
        ensemble.Attribute.Add(new AttributeProto { Name = "n_targets", Type = AttributeProto.Types.AttributeType.Int, I = targets });
        ensemble.Attribute.Add(String("aggregate_function", aggregate));
        ensemble.Attribute.Add(String("post_transform", postTransform));
        if (baseValues is not null)
        {
            ensemble.Attribute.Add(Floats("base_values", baseValues));
        }
        var graph = new GraphProto { Name = "fixture" };
        if (through is not null)
        {
            var before = new NodeProto { OpType = through, Name = "before", Input = { "Features" }, Output = { "scaled" } };
            if (through == "Scaler")
            {
                before.Domain = "ai.onnx.ml";
                before.Attribute.Add(Floats("scale", Enumerable.Repeat(2f, width)));
            }
            graph.Node.Add(before);
        }
        graph.Node.Add(ensemble);
        graph.Input.Add(Tensor("Features", width));
        graph.Output.Add(Tensor("Score", (int)targets));
        var model = new ModelProto { IrVersion = 8, ProducerName = "churn-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = 3 });
        return model.ToByteArray();
    }

    private static ValueInfoProto Tensor(string name, int width) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)TensorProto.Types.DataType.Float,
                Shape = new TensorShapeProto
                {
                    Dim = { new TensorShapeProto.Types.Dimension { DimParam = "N" }, new TensorShapeProto.Types.Dimension { DimValue = width } },
                },
            },
        },
    };

    private static AttributeProto Ints(string name, IEnumerable<long> values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { values } };

    private static AttributeProto Floats(string name, IEnumerable<float> values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Floats, Floats = { values } };

    private static AttributeProto Strings(string name, IEnumerable<string> values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Strings, Strings = { values.Select(ByteString.CopyFromUtf8) } };

    private static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
