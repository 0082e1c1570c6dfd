namespace Churn.Domain.Models;

/// <summary>What a model reload did.</summary>
public enum ModelSwapOutcome
{
    /// <summary>The candidate passed validation and now serves.</summary>
    Swapped,

    /// <summary>The candidate is the version already serving.</summary>
    Unchanged,

    /// <summary>The candidate failed validation; the current model keeps serving.</summary>
    Rejected,
}
