using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Churn.Core.Reasons;

/// <summary>
/// Tree-path attribution (Saabas, 2014): every tree's output is its root's cover-weighted mean plus, along the path the
/// row takes, each split's change of the cover-weighted node mean, credited to the split's feature. So for every row
/// <c>Σ contributions + <see cref="BaseValue"/> = the ensemble's raw output</c> exactly (the sums telescope), whatever
/// the covers; the covers (training rows through each node) only decide how each path's change is divided among its
/// features. Cost O(trees × depth) per row: one root-to-leaf walk per tree, as scoring itself does, over the splits
/// packed in 32 bytes each (the Trainer's 300 × 8-leaf model: 2,100 splits, 67 KB). A batch goes through
/// <see cref="TreePathBlockWalk"/> instead, which gives the same numbers for half the CPU (docs/performance.md §13).
/// </summary>
public sealed class TreePathExplainer
{
    public const string Method = "tree-path";

    private readonly TreeEnsemble _ensemble;
    private readonly Split[] _splits;
    private readonly int[] _roots;
    private readonly TreePathBlockWalk? _blocks;

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
        var baseValue = ensemble.BaseValue;
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            baseValue += means[ensemble.Root(t)] * weight;
        }
        BaseValue = baseValue;
        (_splits, _roots) = Pack(ensemble, means, weight);
        _blocks = TreePathBlockWalk.TryCreate(ensemble, means, weight);
    }

    public TreeEnsemble Ensemble => _ensemble;

    /// <summary>The expected raw output over the covers' rows: what a row's contributions start from.</summary>
    public double BaseValue { get; }

    /// <summary>
    /// Writes each feature's contribution for <paramref name="features"/> into <paramref name="contributions"/> (one per
    /// input feature) and returns the raw output they sum to with <see cref="BaseValue"/>.
    /// </summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> contributions)
    {
        if (features.Length < _ensemble.FeatureCount || contributions.Length < _ensemble.FeatureCount)
        {
            throw new ArgumentException($"need {_ensemble.FeatureCount} features and contributions, got {features.Length} and {contributions.Length}");
        }
        contributions.Clear();
        ref var x = ref MemoryMarshal.GetReference(features);
        ref var c = ref MemoryMarshal.GetReference(contributions);
        ref var splits = ref MemoryMarshal.GetArrayDataReference(_splits);
        foreach (var root in _roots)
        {
            var i = root;
            do
            {
                ref var split = ref Unsafe.Add(ref splits, i);
                var value = Unsafe.Add(ref x, split.Feature);
                var goesTrue = split.Mode == TreeNodeMode.BranchLeq && !float.IsNaN(value)
                    ? value <= split.Threshold
                    : TreeEnsemble.GoesTrue(split.Mode, split.MissingTrue, value, split.Threshold);
                if (goesTrue)
                {
                    Unsafe.Add(ref c, split.Feature) += split.TrueDelta;
                    i = split.TrueNext;
                }
                else
                {
                    Unsafe.Add(ref c, split.Feature) += split.FalseDelta;
                    i = split.FalseNext;
                }
            }
            while (i >= 0);
        }
        var total = BaseValue;
        foreach (var contribution in contributions)
        {
            total += contribution;
        }
        return total;
    }

    /// <summary>
    /// <see cref="Explain(ReadOnlySpan{float}, Span{double})"/> for <c>outputs.Length</c> rows at once: the rows'
    /// features row-major in <paramref name="rows"/>, <paramref name="width"/> each; their contributions into
    /// <paramref name="contributions"/> in the same layout, their raw outputs into <paramref name="outputs"/>. The same
    /// numbers as one row at a time; when every split is <c>BRANCH_LEQ</c>, computed by <see cref="TreePathBlockWalk"/>
    /// (about half the CPU per row on the Trainer's model, docs/performance.md §13).
    /// </summary>
    public void Explain(ReadOnlySpan<float> rows, Span<double> contributions, Span<double> outputs, int width)
    {
        var count = outputs.Length;
        if (width < _ensemble.FeatureCount || rows.Length < count * width || contributions.Length < count * width)
        {
            throw new ArgumentException($"need {count} rows of at least {_ensemble.FeatureCount} features and as many contributions; " +
                $"got {rows.Length} features and {contributions.Length} contributions for {count} rows of {width}");
        }
        if (_blocks is null)
        {
            for (var r = 0; r < count; r++)
            {
                outputs[r] = Explain(rows.Slice(r * width, width), contributions.Slice(r * width, width));
            }
            return;
        }
        contributions[..(count * width)].Clear();
        _blocks.Add(rows, contributions, count, width);
        for (var r = 0; r < count; r++)
        {
            var total = BaseValue;
            foreach (var contribution in contributions.Slice(r * width, width))
            {
                total += contribution;
            }
            outputs[r] = total;
        }
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

    /// <summary>
    /// The splits only, packed tree after tree, depth first: each carries what going either way adds to its feature and
    /// the next split's index, −1 at a leaf. A tree that is a single leaf has no split: its value is in the base.
    /// </summary>
    private static (Split[] Splits, int[] Roots) Pack(TreeEnsemble e, double[] means, double weight)
    {
        var splits = new List<Split>();
        var roots = new List<int>();
        for (var t = 0; t < e.TreeCount; t++)
        {
            if (!e.IsLeaf(e.Root(t)))
            {
                roots.Add(Add(e.Root(t)));
            }
        }
        return ([.. splits], [.. roots]);

        int Add(int node)
        {
            var at = splits.Count;
            splits.Add(default);
            int trueChild = e.TrueChild(node), falseChild = e.FalseChild(node);
            var trueNext = e.IsLeaf(trueChild) ? -1 : Add(trueChild);
            var falseNext = e.IsLeaf(falseChild) ? -1 : Add(falseChild);
            splits[at] = new Split((means[trueChild] - means[node]) * weight, (means[falseChild] - means[node]) * weight,
                e.Thresholds[node], trueNext, falseNext, (short)e.Features[node], e.Modes[node], e.MissingTrue[node]);
            return at;
        }
    }

    private readonly record struct Split(double TrueDelta, double FalseDelta, float Threshold, int TrueNext, int FalseNext,
        short Feature, TreeNodeMode Mode, bool MissingTrue);
}
