namespace Churn.Core.Reasons;

/// <summary>How many rows pass through each node of an ensemble when routed as ONNX Runtime routes them.</summary>
public static class TreeCovers
{
    public static long[] Count(TreeEnsemble ensemble, IEnumerable<float[]> rows)
    {
        var covers = new long[ensemble.NodeCount];
        foreach (var row in rows)
        {
            for (var t = 0; t < ensemble.TreeCount; t++)
            {
                var node = ensemble.Root(t);
                covers[node]++;
                while (!ensemble.IsLeaf(node))
                {
                    node = ensemble.Next(node, row[ensemble.Feature(node)]);
                    covers[node]++;
                }
            }
        }
        return covers;
    }
}
