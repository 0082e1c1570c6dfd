using Churn.Core.Reasons;
using Churn.Testing;
using Churn.Testing.Reasons;
using static Churn.Core.Tests.Doubles.TreeEnsembleGraphs;

namespace Churn.Core.Tests.Reasons;

/// <summary>
/// The TreeSHAP reference (measured against the served method, docs/performance.md) computes exact Shapley values:
/// checked tree by tree against the definition, enumerating every coalition of the features a tree splits on.
/// </summary>
public sealed class TreeShapTests
{
    [Fact]
    public void TreeShap_is_the_brute_force_shapley_value_of_each_trees_conditional_expectation_on_a_small_ensemble()
    {
        var (nodes, leaves) = EveryMode();
        var ensemble = OnnxTreeEnsembleReader.Read(Model(nodes, leaves, "AVERAGE", [0.5f]), "Features", 3);
        var random = new Random(5); // rows that reach every node (TreeSHAP divides by the share of rows a split sends each way)
        var covers = TreeCovers.Count(ensemble, Enumerable.Range(0, 300).Select(_ => new[] { random.Next(-2, 7) * 0.5f, random.Next(-2, 5) * 1f, random.Next(-2, 3) * 1f }))
            .Select(c => (double)c).ToArray();
        Assert.DoesNotContain(0.0, covers);

        AssertExact(ensemble, covers, [[0f, 1f, 1f], [3f, 3f, 0f], [1f, -1f, -1f], [float.NaN, 2f, 1f]]);
    }

    [Fact]
    public async Task TreeShap_is_the_brute_force_shapley_value_on_the_trainers_model()
    {
        var directory = await TrainedModel.EnsureAsync();
        var card = await TrainedModel.CardAsync();
        var ensemble = OnnxTreeEnsembleReader.Read(File.ReadAllBytes(TrainedModel.ModelPath), card.Onnx.InputName, 20);
        var artifact = ExplainerArtifact.Deserialize(File.ReadAllText(Path.Combine(directory, ExplainerArtifact.FileName)));
        var rows = Churn.Domain.Customers.CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Take(3)
            .Select(r => Churn.Domain.Features.ChurnFeatures.Build(r.Record!)).ToArray();

        AssertExact(ensemble, [.. artifact.Covers.Select(c => (double)c)], rows);
    }

    private static void AssertExact(TreeEnsemble ensemble, double[] covers, float[][] rows)
    {
        var shap = new TreeShap(ensemble, covers);
        foreach (var row in rows)
        {
            var phi = new double[row.Length];
            var total = shap.Explain(row, phi);

            var expected = new double[row.Length];
            for (var t = 0; t < ensemble.TreeCount; t++)
            {
                var tree = BruteForce(ensemble, covers, ensemble.Root(t), row);
                for (var f = 0; f < row.Length; f++)
                {
                    expected[f] += tree[f] * ensemble.TreeWeight;
                }
            }
            Assert.Equal(expected, phi, (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(ensemble.RawOutput(row), total, 1e-9);
        }
    }

    /// <summary>φ_i = Σ over coalitions S of the tree's other split features of |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S)).</summary>
    private static double[] BruteForce(TreeEnsemble e, double[] covers, int root, float[] x)
    {
        var used = new SortedSet<int>();
        Collect(root);
        var features = used.ToArray();
        var m = features.Length;
        var phi = new double[x.Length];
        for (var i = 0; i < m; i++)
        {
            var others = features.Where((_, k) => k != i).ToArray();
            for (var mask = 0; mask < 1 << others.Length; mask++)
            {
                var s = Enumerable.Range(0, others.Length).Where(k => (mask & (1 << k)) != 0).Select(k => others[k]).ToHashSet();
                var weight = Factorial(s.Count) * Factorial(m - s.Count - 1) / Factorial(m);
                var without = Value(root, s);
                s.Add(features[i]);
                phi[features[i]] += weight * (Value(root, s) - without);
            }
        }
        return phi;

        void Collect(int node)
        {
            if (e.IsLeaf(node)) return;
            used.Add(e.Feature(node));
            Collect(e.TrueChild(node));
            Collect(e.FalseChild(node));
        }

        // E[f(x) | x_S], the tree's path-dependent conditional expectation: known features are followed, unknown ones
        // average the children by their covers.
        double Value(int node, HashSet<int> known)
        {
            if (e.IsLeaf(node)) return e.LeafValue(node);
            if (known.Contains(e.Feature(node))) return Value(e.Next(node, x[e.Feature(node)]), known);
            int l = e.TrueChild(node), r = e.FalseChild(node);
            return covers[node] > 0
                ? (covers[l] * Value(l, known) + covers[r] * Value(r, known)) / covers[node]
                : (Value(l, known) + Value(r, known)) / 2;
        }
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
