using Churn.Core.Reasons;
using static Churn.Core.Tests.Doubles.TreeEnsembleGraphs;

namespace Churn.Core.Tests.Reasons;

/// <summary>
/// The worker explains a whole batch in one call; every row must get exactly the contributions and raw output it gets
/// alone, on the block walk (all splits BRANCH_LEQ, with and without missing tracks) and on the one-row fallback.
/// </summary>
public sealed class TreePathRowsTests
{
    public static TheoryData<string> Graphs() => ["every mode", "BRANCH_LEQ with missing tracks", "BRANCH_LEQ without missing tracks"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void All_rows_in_one_call_get_the_contributions_and_output_each_gets_alone(string graph)
    {
        var (nodes, leaves) = EveryMode();
        nodes = graph switch
        {
            "every mode" => nodes,
            "BRANCH_LEQ with missing tracks" => [.. nodes.Select(n => n.Mode == "LEAF" ? n : n with { Mode = "BRANCH_LEQ" })],
            _ => [.. nodes.Select(n => n.Mode == "LEAF" ? n : n with { Mode = "BRANCH_LEQ", MissingTrue = false })],
        };
        var model = Model(nodes, leaves);
        var ensemble = OnnxTreeEnsembleReader.Read(model, "Features", 3);
        var explainer = new TreePathExplainer(ensemble, Covers(ensemble));
        var rows = Rows(); // 729 rows: 45 full blocks and a part, NaN in every feature
        var count = rows.Length / 3;
        var raw = EnsembleOutputs.Compute(model, "Features", rows, 3);

        var contributions = new double[rows.Length];
        var outputs = new double[count];
        explainer.Explain(rows, contributions, outputs, width: 3);

        var alone = new double[3];
        for (var i = 0; i < count; i++)
        {
            var output = explainer.Explain(rows.AsSpan(i * 3, 3), alone);
            Assert.Equal(alone, contributions[(i * 3)..(i * 3 + 3)]);
            Assert.Equal(output, outputs[i]);
            Assert.Equal(raw[i], outputs[i], 1e-6);
        }
    }

    [Fact]
    public void Rows_wider_than_the_features_the_trees_use_keep_their_layout()
    {
        var (nodes, leaves) = EveryMode();
        var ensemble = OnnxTreeEnsembleReader.Read(Model([.. nodes.Select(n => n.Mode == "LEAF" ? n : n with { Mode = "BRANCH_LEQ" })], leaves), "Features", 3);
        var explainer = new TreePathExplainer(ensemble, Covers(ensemble));
        float[] narrow = [0f, 3f, -2f, float.NaN, 1f, 2f];
        float[] wide = [0f, 3f, -2f, 99f, float.NaN, 1f, 2f, 99f]; // a 4th feature no tree splits on

        var contributions = new double[8];
        var outputs = new double[2];
        explainer.Explain(wide, contributions, outputs, width: 4);

        var alone = new double[3];
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(explainer.Explain(narrow.AsSpan(i * 3, 3), alone), outputs[i]);
            Assert.Equal([.. alone, 0.0], contributions[(i * 4)..(i * 4 + 4)]);
        }
    }
}
