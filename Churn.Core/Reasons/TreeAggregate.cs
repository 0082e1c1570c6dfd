namespace Churn.Core.Reasons;

/// <summary>How a tree ensemble combines its trees (the <c>aggregate_function</c> attribute): boosted trees add up,
/// a forest averages. MIN and MAX are not additive and are not supported.</summary>
public enum TreeAggregate
{
    Sum,
    Average,
}
