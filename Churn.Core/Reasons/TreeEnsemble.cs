namespace Churn.Core.Reasons;

/// <summary>
/// The trees of an ONNX <c>TreeEnsembleRegressor</c> as flat node arrays (node <c>i</c> of the ensemble is the i-th
/// node as the graph lists them), with the semantics ONNX Runtime gives them: a row goes to the true child when
/// its value compares with the threshold as the node's mode says (IEEE comparisons: NaN is only ever not-equal), or when
/// the value is NaN and the node's missing track is true; the raw output is the sum (or average) over the trees of the leaf values reached, plus the base
/// value. Built by <see cref="OnnxTreeEnsembleReader"/>; immutable and thread-safe.
/// </summary>
public sealed class TreeEnsemble
{
    internal TreeEnsemble(int[] roots, TreeNodeMode[] modes, int[] features, float[] thresholds, int[] trueChildren,
        int[] falseChildren, bool[] missingTrue, double[] leafValues, int[] nodeTrees, TreeAggregate aggregate,
        double baseValue, string postTransform)
    {
        Roots = roots;
        Modes = modes;
        Features = features;
        Thresholds = thresholds;
        TrueChildren = trueChildren;
        FalseChildren = falseChildren;
        MissingTrue = missingTrue;
        LeafValues = leafValues;
        NodeTrees = nodeTrees;
        Aggregate = aggregate;
        BaseValue = baseValue;
        PostTransform = postTransform;
        FeatureCount = features.Length == 0 ? 0 : features.Max() + 1;
    }

    internal readonly int[] Roots;
    internal readonly TreeNodeMode[] Modes;
    internal readonly int[] Features;
    internal readonly float[] Thresholds;
    internal readonly int[] TrueChildren;
    internal readonly int[] FalseChildren;
    internal readonly bool[] MissingTrue;
    internal readonly double[] LeafValues;
    internal readonly int[] NodeTrees;

    public int TreeCount => Roots.Length;
    public int NodeCount => Modes.Length;

    /// <summary>One more than the largest feature index any split uses.</summary>
    public int FeatureCount { get; }

    public TreeAggregate Aggregate { get; }

    /// <summary>Added to the aggregated trees (<c>base_values</c>; 0 when the graph has none).</summary>
    public double BaseValue { get; }

    /// <summary>The node's <c>post_transform</c> (NONE for the Trainer's graphs); the raw output is the value before it.</summary>
    public string PostTransform { get; }

    /// <summary>What each tree's output is multiplied by: 1 for a sum, 1 / trees for an average.</summary>
    public double TreeWeight => Aggregate == TreeAggregate.Average && TreeCount > 0 ? 1.0 / TreeCount : 1.0;

    public int Root(int tree) => Roots[tree];
    public int Tree(int node) => NodeTrees[node];
    public bool IsLeaf(int node) => Modes[node] == TreeNodeMode.Leaf;
    public int Feature(int node) => Features[node];
    public int TrueChild(int node) => TrueChildren[node];
    public int FalseChild(int node) => FalseChildren[node];
    public double LeafValue(int node) => LeafValues[node];

    /// <summary>The child of split <paramref name="node"/> that a row with <paramref name="value"/> goes to.</summary>
    public int Next(int node, float value) => GoesTrue(node, value) ? TrueChildren[node] : FalseChildren[node];

    /// <summary>The leaf of <paramref name="tree"/> that <paramref name="features"/> reaches.</summary>
    public int Leaf(int tree, ReadOnlySpan<float> features)
    {
        var node = Roots[tree];
        while (Modes[node] != TreeNodeMode.Leaf)
        {
            node = Next(node, features[Features[node]]);
        }
        return node;
    }

    /// <summary>The ensemble's raw output for one row: aggregated leaf values plus the base value, before any post-transform.</summary>
    public double RawOutput(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        for (var t = 0; t < Roots.Length; t++)
        {
            sum += LeafValues[Leaf(t, features)];
        }
        return sum * TreeWeight + BaseValue;
    }

    internal bool GoesTrue(int node, float value) =>
        Modes[node] != TreeNodeMode.Leaf
            ? GoesTrue(Modes[node], MissingTrue[node], value, Thresholds[node])
            : throw new InvalidOperationException($"node {node} is a leaf");

    internal static bool GoesTrue(TreeNodeMode mode, bool missingTrue, float value, float threshold)
    {
        if (missingTrue && float.IsNaN(value))
        {
            return true;
        }
        return mode switch
        {
            TreeNodeMode.BranchLeq => value <= threshold,
            TreeNodeMode.BranchLt => value < threshold,
            TreeNodeMode.BranchGte => value >= threshold,
            TreeNodeMode.BranchGt => value > threshold,
            TreeNodeMode.BranchEq => value == threshold,
            TreeNodeMode.BranchNeq => value != threshold,
            _ => throw new InvalidOperationException($"a {mode} node does not split"),
        };
    }
}
