using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Churn.Core.Reasons;

/// <summary>
/// The tree-path attribution of <see cref="TreePathExplainer"/> for many rows at once, without a branch per split: the
/// rows of a block of <see cref="BlockRows"/> walk each tree together, level by level, for that tree's depth. A split's
/// comparison is a 0/1 index that picks the child and the delta; a leaf is a node that leads to itself and adds 0, so
/// a row that reached its leaf early just stays there. The walks of a block's rows are independent, so the processor
/// overlaps them instead of waiting on (and mispredicting) one comparison after another; the tree's nodes stay in the
/// L1 cache while the whole block walks it. Each row's contributions get the same deltas, added in the same order, as
/// the one-row walk gives it (plus zeros), so the results are identical.
/// Only for ensembles whose splits are all <c>BRANCH_LEQ</c> (what ML.NET's LightGBM and FastTree export), see
/// <see cref="TryCreate"/>.
/// </summary>
internal sealed class TreePathBlockWalk
{
    public const int BlockRows = 16;

    private readonly Node[] _nodes;
    private readonly int[] _roots;
    private readonly int[] _depths;
    private readonly bool _missingGoesTrueAnywhere;

    private TreePathBlockWalk(Node[] nodes, int[] roots, int[] depths)
    {
        _nodes = nodes;
        _roots = roots;
        _depths = depths;
        _missingGoesTrueAnywhere = nodes.Any(n => n.MissingTrue != 0);
    }

    /// <summary>The block walk of <paramref name="ensemble"/>, or null when a split is not <c>BRANCH_LEQ</c>.</summary>
    /// <param name="means">Each node's cover-weighted mean (<see cref="TreePathExplainer.NodeMeans"/>).</param>
    public static TreePathBlockWalk? TryCreate(TreeEnsemble ensemble, double[] means, double weight)
    {
        for (var node = 0; node < ensemble.NodeCount; node++)
        {
            if (!ensemble.IsLeaf(node) && ensemble.Modes[node] != TreeNodeMode.BranchLeq)
            {
                return null;
            }
        }
        var nodes = new List<Node>(ensemble.NodeCount);
        var roots = new List<int>();
        var depths = new List<int>();
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            if (ensemble.IsLeaf(ensemble.Root(t)))
            {
                continue; // a single leaf adds nothing to any feature: its value is in the base
            }
            roots.Add(nodes.Count);
            depths.Add(Add(ensemble.Root(t)).Depth);
        }
        return new TreePathBlockWalk([.. nodes], [.. roots], [.. depths]);

        (int Index, int Depth) Add(int node)
        {
            var at = nodes.Count;
            nodes.Add(default);
            if (ensemble.IsLeaf(node))
            {
                nodes[at] = new Node { FalseNext = at, TrueNext = at };
                return (at, 0);
            }
            var (trueNext, trueDepth) = Add(ensemble.TrueChild(node));
            var (falseNext, falseDepth) = Add(ensemble.FalseChild(node));
            nodes[at] = new Node
            {
                Threshold = ensemble.Thresholds[node],
                Feature = (short)ensemble.Features[node],
                MissingTrue = (short)(ensemble.MissingTrue[node] ? 1 : 0),
                FalseNext = falseNext,
                TrueNext = trueNext,
                FalseDelta = (means[ensemble.FalseChild(node)] - means[node]) * weight,
                TrueDelta = (means[ensemble.TrueChild(node)] - means[node]) * weight,
            };
            return (at, 1 + Math.Max(trueDepth, falseDepth));
        }
    }

    /// <summary>
    /// Adds the contributions of <paramref name="rowCount"/> rows of <paramref name="width"/> features each (row-major
    /// in <paramref name="rows"/>) to <paramref name="contributions"/>, laid out the same way.
    /// </summary>
    public void Add(ReadOnlySpan<float> rows, Span<double> contributions, int rowCount, int width)
    {
        if (_missingGoesTrueAnywhere)
        {
            Add<LessOrEqualOrMissing>(rows, contributions, rowCount, width);
        }
        else
        {
            Add<LessOrEqual>(rows, contributions, rowCount, width); // NaN <= t is false: NaN goes false everywhere
        }
    }

    private void Add<TSplit>(ReadOnlySpan<float> rows, Span<double> contributions, int rowCount, int width)
        where TSplit : struct, ISplitRule
    {
        Span<int> block = stackalloc int[BlockRows];
        ref var at = ref MemoryMarshal.GetReference(block);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        for (var first = 0; first < rowCount; first += BlockRows)
        {
            var count = Math.Min(BlockRows, rowCount - first);
            ref var x = ref MemoryMarshal.GetReference(rows[(first * width)..]);
            ref var c = ref MemoryMarshal.GetReference(contributions[(first * width)..]);
            for (var t = 0; t < _roots.Length; t++)
            {
                block[..count].Fill(_roots[t]);
                for (var level = _depths[t]; level > 0; level--)
                {
                    ref var row = ref x;
                    ref var contribution = ref c;
                    for (var r = 0; r < count; r++)
                    {
                        ref var node = ref Unsafe.Add(ref nodes, Unsafe.Add(ref at, r));
                        var value = Unsafe.Add(ref row, node.Feature);
                        var goesTrue = TSplit.GoesTrue(value, in node);
                        Unsafe.Add(ref contribution, node.Feature) += Unsafe.Add(ref node.FalseDelta, goesTrue);
                        Unsafe.Add(ref at, r) = Unsafe.Add(ref node.FalseNext, goesTrue);
                        row = ref Unsafe.Add(ref row, width);
                        contribution = ref Unsafe.Add(ref contribution, width);
                    }
                }
            }
        }
    }

    /// <summary>Which child a value goes to, 1 for the true child, 0 for the false one, without a branch.</summary>
    private interface ISplitRule
    {
        static abstract int GoesTrue(float value, in Node node);
    }

    private readonly struct LessOrEqual : ISplitRule
    {
        public static int GoesTrue(float value, in Node node) => value <= node.Threshold ? 1 : 0;
    }

    /// <summary>value <= threshold, or value is NaN on a split whose missing values go to the true child.</summary>
    private readonly struct LessOrEqualOrMissing : ISplitRule
    {
        public static int GoesTrue(float value, in Node node) =>
            (value <= node.Threshold ? 1 : 0) | ((float.IsNaN(value) ? 1 : 0) & node.MissingTrue);
    }

    /// <summary>One node, 32 bytes; the false and true members sit side by side, so a 0/1 index picks one.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public double FalseDelta;
        public double TrueDelta;
        public float Threshold;
        public int FalseNext;
        public int TrueNext;
        public short Feature;
        public short MissingTrue;
    }
}
