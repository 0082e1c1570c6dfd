using System.ComponentModel;

namespace Churn.Domain.Predictions;

/// <summary>One reason for a prediction: a model feature, this customer's value of it, and what it added to the score.</summary>
public sealed record ReasonCode(
    [property: Description("The model feature, named as in the model card's featureNames.")] string Feature,
    [property: Description("This customer's value of the feature (as the model saw it: 0/1 for flags).")] double Value,
    [property: Description("Signed contribution to the tree ensemble's raw score (its margin, before the graph's Platt step): > 0 raises the churn risk, < 0 lowers it.")]
    double Contribution);
