using Churn.Core.Reasons;
using Churn.Core.Tests.Doubles;
using Microsoft.ML.OnnxRuntime;
using static Churn.Core.Tests.Doubles.TreeEnsembleGraphs;

namespace Churn.Core.Tests.Reasons;

/// <summary>The trees read out of ONNX mean what ONNX Runtime makes of them, and what cannot be attributed is refused.</summary>
public sealed class OnnxTreeEnsembleReaderTests
{
    [Theory]
    [InlineData("SUM", null)]
    [InlineData("AVERAGE", 0.25f)]
    public void Every_mode_missing_track_aggregate_and_base_value_gives_onnx_runtimes_raw_output(string aggregate, float? baseValue)
    {
        var (nodes, leaves) = EveryMode();
        var model = Model(nodes, leaves, aggregate, baseValue is { } b ? [b] : null, postTransform: "LOGISTIC");
        var rows = Rows();

        var ensemble = OnnxTreeEnsembleReader.Read(model, "Features", 3);
        var raw = EnsembleOutputs.Compute(model, "Features", rows, 3);
        var whole = RunWhole(model, rows); // ONNX Runtime applies no LOGISTIC to a single-target regressor: the cut changes nothing

        var explainer = new TreePathExplainer(ensemble, Covers(ensemble));
        var contributions = new double[3];
        Assert.Equal((2, 14, aggregate == "SUM" ? TreeAggregate.Sum : TreeAggregate.Average, (double)(baseValue ?? 0), "LOGISTIC"),
            (ensemble.TreeCount, ensemble.NodeCount, ensemble.Aggregate, ensemble.BaseValue, ensemble.PostTransform));
        for (var i = 0; i < raw.Length; i++)
        {
            var row = rows.AsSpan(i * 3, 3);
            Assert.Equal(raw[i], ensemble.RawOutput(row), 1e-6);
            Assert.Equal(raw[i], explainer.Explain(row, contributions), 1e-6);
            Assert.Equal(whole[i], raw[i]);
        }
    }

    [Fact]
    public void Covers_only_divide_the_path_between_features_the_sum_is_the_output_whatever_they_are()
    {
        var (nodes, leaves) = EveryMode();
        var ensemble = OnnxTreeEnsembleReader.Read(Model(nodes, leaves), "Features", 3);
        var rows = Rows();
        var even = new TreePathExplainer(ensemble, Covers(ensemble));
        var skewed = new TreePathExplainer(ensemble, TreeCovers.Count(ensemble, Enumerable.Range(0, 50).Select(i => new[] { i / 10f, 2.5f, -3f })).Select(c => (double)c).ToArray());
        double[] a = new double[3], b = new double[3];

        for (var i = 0; i < rows.Length / 3; i++)
        {
            var row = rows.AsSpan(i * 3, 3);
            Assert.Equal(even.Explain(row, a), skewed.Explain(row, b), 1e-9);
            Assert.Equal(ensemble.RawOutput(row), even.BaseValue + a.Sum(), 1e-9);
        }
        Assert.NotEqual(even.BaseValue, skewed.BaseValue);
    }

    [Fact]
    public void A_split_on_a_feature_moves_only_that_features_contribution()
    {
        // One tree: x0 <= 0 ? 1 : (x1 <= 0 ? 3 : 5), every node seen by 2 rows.
        var model = Model(
            [new(0, 0, "BRANCH_LEQ", 0, 0f, 1, 2), new(0, 1, "LEAF"), new(0, 2, "BRANCH_LEQ", 1, 0f, 3, 4), new(0, 3, "LEAF"), new(0, 4, "LEAF")],
            [new(0, 1, 1f), new(0, 3, 3f), new(0, 4, 5f)], width: 2);
        var ensemble = OnnxTreeEnsembleReader.Read(model, "Features", 2);
        var explainer = new TreePathExplainer(ensemble, [4, 2, 2, 1, 1]);
        var contributions = new double[2];

        Assert.Equal(2.5, explainer.BaseValue);                         // (2·1 + 1·3 + 1·5) / 4
        Assert.Equal(5, explainer.Explain([1f, 1f], contributions));
        Assert.Equal([1.5, 1.0], contributions);                       // root 2.5 → right 4 (x0), → leaf 5 (x1)
        Assert.Equal(1, explainer.Explain([-1f, 9f], contributions));
        Assert.Equal([-1.5, 0.0], contributions);                      // x1 is never looked at
    }

    public static TheoryData<string, Func<byte[]>> Unreadable() => new()
    {
        { "aggregate_function MIN is not additive", () => Model(EveryMode().Nodes, EveryMode().Leaves, aggregate: "MIN") },
        { "2 targets", () => Model(EveryMode().Nodes, EveryMode().Leaves, targets: 2) },
        { "not the graph input", () => Model(EveryMode().Nodes, EveryMode().Leaves, through: "Scaler") },
        { "points to node 9", () => Model([.. EveryMode().Nodes.Select(n => n is { Tree: 1, Id: 0 } ? n with { False = 9 } : n)], EveryMode().Leaves) },
        { "not listed together", () => Model([.. EveryMode().Nodes.Skip(1), EveryMode().Nodes[0]], EveryMode().Leaves) },
        { "reaches node", () => Model([.. EveryMode().Nodes.Select(n => n is { Tree: 1, Id: 1 } ? n with { True = 0 } : n)], EveryMode().Leaves) },
        { "not reached from its root", () => Model([.. EveryMode().Nodes, new(1, 7, "LEAF")], EveryMode().Leaves) },
        { "which is not a leaf", () => Model(EveryMode().Nodes, [.. EveryMode().Leaves, new(0, 0, 1f)]) },
        { "leaf 8 has several weights", () => Model(EveryMode().Nodes, [.. EveryMode().Leaves, new(0, 8, 0.5f)]) },
        { "for target 1", () => Model(EveryMode().Nodes, [.. EveryMode().Leaves, new(0, 3, 1f, Target: 1)]) },
        { "splits on feature 5", () => Model([.. EveryMode().Nodes.Select(n => n is { Tree: 0, Id: 1 } ? n with { Feature = 5 } : n)], EveryMode().Leaves) },
        { "unknown node mode 'BRANCH_MAYBE'", () => Model([.. EveryMode().Nodes.Select(n => n is { Tree: 0, Id: 0 } ? n with { Mode = "BRANCH_MAYBE" } : n)], EveryMode().Leaves) },
        { "0 TreeEnsembleRegressor nodes", () => TestModels.Onnx() },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_graph_whose_trees_cannot_be_attributed_exactly_is_refused_with_the_reason(string reason, Func<byte[]> model)
    {
        var error = Assert.Throws<TreeEnsembleFormatException>(() => OnnxTreeEnsembleReader.Read(model(), "Features", 3));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Identity_nodes_between_the_input_and_the_trees_are_read_through()
    {
        var (nodes, leaves) = EveryMode();
        var model = Model(nodes, leaves, through: "Identity");
        var rows = Rows();

        var ensemble = OnnxTreeEnsembleReader.Read(model, "Features", 3);
        var raw = EnsembleOutputs.Compute(model, "Features", rows, 3);

        Assert.Equal(raw, Enumerable.Range(0, raw.Length).Select(i => (float)ensemble.RawOutput(rows.AsSpan(i * 3, 3))));
    }

    private static float[] RunWhole(byte[] model, float[] rows)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(rows, [rows.Length / 3, 3]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["Features"], [input], ["Score"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
