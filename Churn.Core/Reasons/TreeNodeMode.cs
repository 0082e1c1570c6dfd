namespace Churn.Core.Reasons;

/// <summary>What a node of an ONNX tree ensemble does (the <c>nodes_modes</c> attribute): a leaf, or a split that sends
/// a row to the true child when its feature value compares so with the node's threshold.</summary>
public enum TreeNodeMode : byte
{
    Leaf,
    BranchLeq,
    BranchLt,
    BranchGte,
    BranchGt,
    BranchEq,
    BranchNeq,
}
