using Churn.Core.Reasons;

namespace Churn.Testing.Reasons;

/// <summary>
/// Path-dependent TreeSHAP (Lundberg, Erion &amp; Lee 2018, Algorithm 2) over the same trees and covers as the served
/// <see cref="TreePathExplainer"/>: exact Shapley values of each tree's cover-weighted conditional expectation,
/// O(trees × leaves × depth²) per row. Not served — measured against the served method (docs/performance.md §13) and
/// kept as a reference: it is checked against brute-force Shapley values in the tests.
/// </summary>
public sealed class TreeShap
{
    private readonly TreeEnsemble _ensemble;
    private readonly double[] _covers;
    private readonly PathElement[] _paths;

    public TreeShap(TreeEnsemble ensemble, IReadOnlyList<double> covers)
    {
        _ensemble = ensemble;
        _covers = [.. covers];
        var depth = 0;
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            depth = Math.Max(depth, Depth(ensemble.Root(t)));
        }
        // A node at path depth d keeps its path at offset (d + 1)(d + 2) / 2, d + 1 elements: (D + 2)(D + 5) / 2 in all.
        _paths = new PathElement[(depth + 2) * (depth + 5) / 2];
        var baseValue = ensemble.BaseValue;
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            baseValue += Expected(ensemble.Root(t)) * ensemble.TreeWeight;
        }
        BaseValue = baseValue;
    }

    public double BaseValue { get; }

    /// <summary>Writes the SHAP values of <paramref name="features"/> into <paramref name="phi"/>; returns base + Σ phi.
    /// Not thread-safe (one path buffer).</summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> phi)
    {
        phi.Clear();
        var row = features.ToArray();
        var values = new double[phi.Length];
        for (var t = 0; t < _ensemble.TreeCount; t++)
        {
            Recurse(row, values, _ensemble.Root(t), 0, 0, 1, 1, -1);
        }
        var total = BaseValue;
        for (var f = 0; f < phi.Length; f++)
        {
            phi[f] = values[f] * _ensemble.TreeWeight;
            total += phi[f];
        }
        return total;
    }

    private int Depth(int node) =>
        _ensemble.IsLeaf(node) ? 0 : 1 + Math.Max(Depth(_ensemble.TrueChild(node)), Depth(_ensemble.FalseChild(node)));

    private double Expected(int node)
    {
        if (_ensemble.IsLeaf(node))
        {
            return _ensemble.LeafValue(node);
        }
        int left = _ensemble.TrueChild(node), right = _ensemble.FalseChild(node);
        var (zl, zr) = Fractions(node, left, right);
        return zl * Expected(left) + zr * Expected(right);
    }

    /// <summary>The shares of a node's rows that go to each of two children (half each where no row went).</summary>
    private (double First, double Second) Fractions(int node, int first, int second) =>
        _covers[node] > 0 ? (_covers[first] / _covers[node], _covers[second] / _covers[node]) : (0.5, 0.5);

    private void Recurse(float[] x, double[] phi, int node, int parent, int depth, double zero, double one, int feature)
    {
        // This node's path is a copy of its parent's (at offset parent), extended, in the next segment of the buffer.
        var path = parent + depth + 1;
        Array.Copy(_paths, parent, _paths, path, depth + 1);
        Extend(path, depth, zero, one, feature);
        if (_ensemble.IsLeaf(node))
        {
            for (var i = 1; i <= depth; i++)
            {
                var w = UnwoundSum(path, depth, i);
                ref var e = ref _paths[path + i];
                phi[e.Feature] += w * (e.One - e.Zero) * _ensemble.LeafValue(node);
            }
            return;
        }
        var split = _ensemble.Feature(node);
        var hot = _ensemble.Next(node, x[split]);
        var cold = hot == _ensemble.TrueChild(node) ? _ensemble.FalseChild(node) : _ensemble.TrueChild(node);
        var (hotZero, coldZero) = Fractions(node, hot, cold);
        double incomingZero = 1, incomingOne = 1;
        var k = 1;
        for (; k <= depth && _paths[path + k].Feature != split; k++)
        {
        }
        if (k <= depth)
        {
            incomingZero = _paths[path + k].Zero;
            incomingOne = _paths[path + k].One;
            Unwind(path, depth, k);
            depth--;
        }
        Recurse(x, phi, hot, path, depth + 1, hotZero * incomingZero, incomingOne, split);
        Recurse(x, phi, cold, path, depth + 1, coldZero * incomingZero, 0, split);
    }

    private void Extend(int path, int depth, double zero, double one, int feature)
    {
        _paths[path + depth] = new PathElement(feature, zero, one, depth == 0 ? 1 : 0);
        for (var i = depth - 1; i >= 0; i--)
        {
            _paths[path + i + 1].Weight += one * _paths[path + i].Weight * (i + 1) / (depth + 1);
            _paths[path + i].Weight = zero * _paths[path + i].Weight * (depth - i) / (depth + 1);
        }
    }

    private void Unwind(int path, int depth, int index)
    {
        var one = _paths[path + index].One;
        var zero = _paths[path + index].Zero;
        var nextOne = _paths[path + depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = _paths[path + i].Weight;
                _paths[path + i].Weight = nextOne * (depth + 1) / ((i + 1) * one);
                nextOne = tmp - _paths[path + i].Weight * zero * (depth - i) / (depth + 1);
            }
            else
            {
                _paths[path + i].Weight = _paths[path + i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }
        for (var i = index; i < depth; i++)
        {
            (_paths[path + i].Feature, _paths[path + i].Zero, _paths[path + i].One) =
                (_paths[path + i + 1].Feature, _paths[path + i + 1].Zero, _paths[path + i + 1].One);
        }
    }

    private double UnwoundSum(int path, int depth, int index)
    {
        var one = _paths[path + index].One;
        var zero = _paths[path + index].Zero;
        var nextOne = _paths[path + depth].Weight;
        var total = 0.0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = nextOne / ((i + 1) * one);
                total += tmp;
                nextOne = _paths[path + i].Weight - tmp * zero * (depth - i);
            }
            else
            {
                total += _paths[path + i].Weight / (zero * (depth - i));
            }
        }
        return total * (depth + 1);
    }

    private struct PathElement(int feature, double zero, double one, double weight)
    {
        public int Feature = feature;
        public double Zero = zero;
        public double One = one;
        public double Weight = weight;
    }
}
