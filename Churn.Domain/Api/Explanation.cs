using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record Explanation(
    [property: Description("How the effects were computed.")] string Method,
    [property: Description("Every customer feature with its effect, largest absolute effect first.")] IReadOnlyList<FeatureEffect> Effects,
    [property: Description("Features that raise this customer's risk most (effect > 0), largest first.")] IReadOnlyList<FeatureEffect> RaisingRisk,
    [property: Description("Features that lower this customer's risk most (effect < 0), largest first.")] IReadOnlyList<FeatureEffect> LoweringRisk);
