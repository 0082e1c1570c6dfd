using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record FeatureEffect(
    string Feature,
    [property: Description("The customer's value.")] string Value,
    [property: Description("The reference it was replaced with: the training median, or the most common level.")] string Reference,
    [property: Description("probability(customer) − probability(customer with this feature at its reference).")] double Effect);
