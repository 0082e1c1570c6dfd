namespace Churn.Core.Reasons;

/// <summary>
/// Tree-path attribution (Saabas, 2014): every tree's output is its root's cover-weighted mean plus, along the path the
/// row takes, each split's change of the cover-weighted node mean, credited to the split's feature. So for every row
/// <c>Σ contributions + <see cref="BaseValue"/> = the ensemble's raw output</c> exactly (the sums telescope), whatever
/// the covers; the covers (training rows through each node) only decide how each path's change is divided among its
/// features. Cost O(trees × depth) per row: one root-to-leaf walk per tree, as scoring itself does.
/// </summary>
public sealed class TreePathExplainer
{
    public const string Method = "tree-path";

    private readonly TreeEnsemble _ensemble;
    private readonly double[] _delta;

    /// <param name="covers">Training rows through each node of <paramref name="ensemble"/>, in its node order.</param>
    public TreePathExplainer(TreeEnsemble ensemble, IReadOnlyList<double> covers)
    {
        if (covers.Count != ensemble.NodeCount)
        {
            throw new TreeEnsembleFormatException($"{covers.Count} covers for {ensemble.NodeCount} nodes");
        }
        _ensemble = ensemble;
        var means = NodeMeans(ensemble, covers);
        var weight = ensemble.TreeWeight;
        _delta = new double[ensemble.NodeCount];
        var baseValue = ensemble.BaseValue;
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            baseValue += means[ensemble.Root(t)] * weight;
        }
        for (var node = 0; node < ensemble.NodeCount; node++)
        {
            if (!ensemble.IsLeaf(node))
            {
                _delta[ensemble.TrueChild(node)] = (means[ensemble.TrueChild(node)] - means[node]) * weight;
                _delta[ensemble.FalseChild(node)] = (means[ensemble.FalseChild(node)] - means[node]) * weight;
            }
        }
        BaseValue = baseValue;
    }

    public TreeEnsemble Ensemble => _ensemble;

    /// <summary>The expected raw output over the covers' rows: what a row's contributions start from.</summary>
    public double BaseValue { get; }

    /// <summary>
    /// Adds each feature's contribution for <paramref name="features"/> into <paramref name="contributions"/> (cleared
    /// first; one per input feature) and returns the raw output they sum to with <see cref="BaseValue"/>.
    /// </summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> contributions)
    {
        contributions.Clear();
        var e = _ensemble;
        var modes = e.Modes;
        var splitFeatures = e.Features;
        var thresholds = e.Thresholds;
        var trueChildren = e.TrueChildren;
        var falseChildren = e.FalseChildren;
        var delta = _delta;
        var total = BaseValue;
        foreach (var root in e.Roots)
        {
            var node = root;
            while (modes[node] != TreeNodeMode.Leaf)
            {
                var f = splitFeatures[node];
                var value = features[f];
                var child = modes[node] == TreeNodeMode.BranchLeq && !float.IsNaN(value)
                    ? (value <= thresholds[node] ? trueChildren[node] : falseChildren[node])
                    : e.Next(node, value);
                contributions[f] += delta[child];
                total += delta[child];
                node = child;
            }
        }
        return total;
    }

    /// <summary>Each node's mean leaf value over the rows that reach it (leaves: their value; a node no row reached: the
    /// plain mean of its children's).</summary>
    internal static double[] NodeMeans(TreeEnsemble ensemble, IReadOnlyList<double> covers)
    {
        var means = new double[ensemble.NodeCount];
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            Mean(ensemble.Root(t));
        }
        return means;

        void Mean(int node)
        {
            if (ensemble.IsLeaf(node))
            {
                means[node] = ensemble.LeafValue(node);
                return;
            }
            int left = ensemble.TrueChild(node), right = ensemble.FalseChild(node);
            Mean(left);
            Mean(right);
            var weight = covers[left] + covers[right];
            means[node] = weight > 0
                ? (covers[left] * means[left] + covers[right] * means[right]) / weight
                : (means[left] + means[right]) / 2;
        }
    }
}
