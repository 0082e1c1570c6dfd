using Churn.Core.Reasons.Proto;
using Google.Protobuf;

namespace Churn.Core.Reasons;

/// <summary>
/// Reads the tree ensemble out of an ONNX model (the bytes of <c>model.onnx</c>, parsed with the generated
/// <see cref="ModelProto"/>): the graph's single <c>TreeEnsembleRegressor</c> (domain <c>ai.onnx.ml</c>), which must
/// read the graph's feature input directly (or through <c>Identity</c> nodes), have one target and add up or average
/// its trees. Whatever follows the ensemble (the Platt step, a sigmoid, a calibrator) is not read: reasons are
/// contributions to the ensemble's raw output. Anything else is a <see cref="TreeEnsembleFormatException"/>.
/// </summary>
public static class OnnxTreeEnsembleReader
{
    public const string OperatorName = "TreeEnsembleRegressor";
    public const string OperatorDomain = "ai.onnx.ml";

    public static TreeEnsemble Read(byte[] model, string inputName, int inputWidth)
    {
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new TreeEnsembleFormatException($"model.onnx is not an ONNX model: {ex.Message}");
        }
        var node = EnsembleNode(proto.Graph ?? throw new TreeEnsembleFormatException("the model has no graph"), inputName);
        return FromAttributes(node, inputWidth);
    }

    /// <summary>The graph's only TreeEnsembleRegressor, checked to read <paramref name="inputName"/> unchanged.</summary>
    internal static NodeProto EnsembleNode(GraphProto graph, string inputName)
    {
        var ensembles = graph.Node.Where(n => n.OpType == OperatorName && n.Domain == OperatorDomain).ToList();
        if (ensembles.Count != 1)
        {
            var ops = string.Join(", ", graph.Node.Select(n => n.OpType).Distinct());
            throw new TreeEnsembleFormatException($"the graph has {ensembles.Count} {OperatorName} nodes (its operators: {ops}); expected one");
        }
        var ensemble = ensembles[0];
        var source = ensemble.Input.Count == 1 ? ensemble.Input[0] : "";
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(p => p.Output, p => p.Node);
        for (var hops = 0; source != inputName && hops < graph.Node.Count; hops++)
        {
            if (!producers.TryGetValue(source, out var producer) || producer.OpType != "Identity" || producer.Input.Count != 1)
            {
                throw new TreeEnsembleFormatException(
                    $"the {OperatorName} reads '{source}', which is not the graph input '{inputName}' (produced by {producer?.OpType ?? "nothing"})");
            }
            source = producer.Input[0];
        }
        if (source != inputName)
        {
            throw new TreeEnsembleFormatException($"the {OperatorName} does not read the graph input '{inputName}'");
        }
        return ensemble;
    }

    private static TreeEnsemble FromAttributes(NodeProto node, int inputWidth)
    {
        var attributes = new Attributes(node);
        var aggregate = attributes.String("aggregate_function", "SUM") switch
        {
            "SUM" => TreeAggregate.Sum,
            "AVERAGE" => TreeAggregate.Average,
            var other => throw new TreeEnsembleFormatException($"aggregate_function {other} is not additive"),
        };
        var targets = attributes.Int("n_targets", 1);
        if (targets != 1)
        {
            throw new TreeEnsembleFormatException($"the ensemble has {targets} targets; expected one");
        }
        var baseValues = attributes.Doubles("base_values");
        if (baseValues.Length > 1)
        {
            throw new TreeEnsembleFormatException($"the ensemble has {baseValues.Length} base values; expected at most one");
        }

        var treeIds = attributes.Ints("nodes_treeids");
        var nodeIds = attributes.Ints("nodes_nodeids");
        var featureIds = attributes.Ints("nodes_featureids");
        var modes = attributes.Strings("nodes_modes");
        var values = attributes.Floats("nodes_values");
        var trueIds = attributes.Ints("nodes_truenodeids");
        var falseIds = attributes.Ints("nodes_falsenodeids");
        var missing = attributes.Ints("nodes_missing_value_tracks_true");
        var n = treeIds.Length;
        RequireLength(n, nodeIds.Length, "nodes_nodeids");
        RequireLength(n, featureIds.Length, "nodes_featureids");
        RequireLength(n, modes.Length, "nodes_modes");
        RequireLength(n, values.Length, "nodes_values");
        RequireLength(n, trueIds.Length, "nodes_truenodeids");
        RequireLength(n, falseIds.Length, "nodes_falsenodeids");
        if (missing.Length != 0)
        {
            RequireLength(n, missing.Length, "nodes_missing_value_tracks_true");
        }
        if (n == 0)
        {
            throw new TreeEnsembleFormatException("the ensemble has no nodes");
        }

        var index = new Dictionary<(long Tree, long Node), int>(n);
        var roots = new List<int>();
        var nodeModes = new TreeNodeMode[n];
        var nodeTrees = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!index.TryAdd((treeIds[i], nodeIds[i]), i))
            {
                throw new TreeEnsembleFormatException($"tree {treeIds[i]} lists node {nodeIds[i]} twice");
            }
            if (i == 0 || treeIds[i] != treeIds[i - 1])
            {
                // ONNX Runtime takes a tree's first listed node as its root; a tree's nodes must be listed together.
                if (roots.Any(r => treeIds[r] == treeIds[i]))
                {
                    throw new TreeEnsembleFormatException($"the nodes of tree {treeIds[i]} are not listed together");
                }
                roots.Add(i);
            }
            nodeTrees[i] = roots.Count - 1;
            nodeModes[i] = Mode(modes[i]);
        }

        var features = new int[n];
        var thresholds = new float[n];
        var trueChildren = new int[n];
        var falseChildren = new int[n];
        var missingTrue = new bool[n];
        for (var i = 0; i < n; i++)
        {
            thresholds[i] = values[i];
            missingTrue[i] = missing.Length != 0 && missing[i] != 0;
            if (nodeModes[i] == TreeNodeMode.Leaf)
            {
                (trueChildren[i], falseChildren[i], features[i]) = (-1, -1, 0);
                continue;
            }
            if (featureIds[i] < 0 || featureIds[i] >= inputWidth)
            {
                throw new TreeEnsembleFormatException($"tree {treeIds[i]} node {nodeIds[i]} splits on feature {featureIds[i]}; the input has {inputWidth}");
            }
            features[i] = (int)featureIds[i];
            trueChildren[i] = Child(index, treeIds[i], trueIds[i], nodeIds[i]);
            falseChildren[i] = Child(index, treeIds[i], falseIds[i], nodeIds[i]);
        }

        var leafValues = LeafValues(attributes, index, nodeModes);
        var ensemble = new TreeEnsemble([.. roots], nodeModes, features, thresholds, trueChildren, falseChildren, missingTrue,
            leafValues, nodeTrees, aggregate, baseValues.Length == 1 ? baseValues[0] : 0.0, attributes.String("post_transform", "NONE"));
        RequireTrees(ensemble, treeIds, nodeIds);
        return ensemble;
    }

    /// <summary>
    /// Each leaf's target weight. A leaf listed with several weights is refused: the operator's definition adds them, but
    /// ONNX Runtime's single-target path uses only the first (measured, ORT 1.31), so neither reading would be exact.
    /// </summary>
    private static double[] LeafValues(Attributes attributes, Dictionary<(long Tree, long Node), int> index, TreeNodeMode[] modes)
    {
        var treeIds = attributes.Ints("target_treeids");
        var nodeIds = attributes.Ints("target_nodeids");
        var targetIds = attributes.Ints("target_ids");
        var weights = attributes.Doubles("target_weights");
        RequireLength(treeIds.Length, nodeIds.Length, "target_nodeids");
        RequireLength(treeIds.Length, weights.Length, "target_weights");
        if (targetIds.Length != 0)
        {
            RequireLength(treeIds.Length, targetIds.Length, "target_ids");
        }
        var leafValues = new double[modes.Length];
        var weighted = new bool[modes.Length];
        for (var i = 0; i < treeIds.Length; i++)
        {
            if (targetIds.Length != 0 && targetIds[i] != 0)
            {
                throw new TreeEnsembleFormatException($"a leaf weight is for target {targetIds[i]}; expected target 0 only");
            }
            if (!index.TryGetValue((treeIds[i], nodeIds[i]), out var leaf) || modes[leaf] != TreeNodeMode.Leaf)
            {
                throw new TreeEnsembleFormatException($"a weight names tree {treeIds[i]} node {nodeIds[i]}, which is not a leaf");
            }
            if (weighted[leaf])
            {
                throw new TreeEnsembleFormatException($"tree {treeIds[i]} leaf {nodeIds[i]} has several weights");
            }
            weighted[leaf] = true;
            leafValues[leaf] = weights[i];
        }
        return leafValues;
    }

    /// <summary>Every node is reached from its tree's root exactly once, through its own tree: no cycles, no orphans.</summary>
    private static void RequireTrees(TreeEnsemble ensemble, long[] treeIds, long[] nodeIds)
    {
        var seen = new bool[ensemble.NodeCount];
        var pending = new Stack<int>();
        for (var t = 0; t < ensemble.TreeCount; t++)
        {
            pending.Push(ensemble.Root(t));
            while (pending.TryPop(out var node))
            {
                if (seen[node])
                {
                    throw new TreeEnsembleFormatException($"tree {treeIds[node]} reaches node {nodeIds[node]} twice");
                }
                seen[node] = true;
                if (!ensemble.IsLeaf(node))
                {
                    pending.Push(ensemble.TrueChild(node));
                    pending.Push(ensemble.FalseChild(node));
                }
            }
        }
        var orphan = Array.IndexOf(seen, false);
        if (orphan >= 0)
        {
            throw new TreeEnsembleFormatException($"tree {treeIds[orphan]} node {nodeIds[orphan]} is not reached from its root");
        }
    }

    private static int Child(Dictionary<(long Tree, long Node), int> index, long tree, long child, long parent) =>
        index.TryGetValue((tree, child), out var i)
            ? i
            : throw new TreeEnsembleFormatException($"tree {tree} node {parent} points to node {child}, which the tree does not list");

    private static TreeNodeMode Mode(string mode) => mode switch
    {
        "LEAF" => TreeNodeMode.Leaf,
        "BRANCH_LEQ" => TreeNodeMode.BranchLeq,
        "BRANCH_LT" => TreeNodeMode.BranchLt,
        "BRANCH_GTE" => TreeNodeMode.BranchGte,
        "BRANCH_GT" => TreeNodeMode.BranchGt,
        "BRANCH_EQ" => TreeNodeMode.BranchEq,
        "BRANCH_NEQ" => TreeNodeMode.BranchNeq,
        _ => throw new TreeEnsembleFormatException($"unknown node mode '{mode}'"),
    };

    private static void RequireLength(int expected, int actual, string attribute)
    {
        if (actual != expected)
        {
            throw new TreeEnsembleFormatException($"{attribute} has {actual} entries; expected {expected}");
        }
    }
}
