using System.ComponentModel;
using Churn.Domain.Predictions;

namespace Churn.Domain.Api;

public sealed record ScoreResponse(
    [property: Description("Version of the serving model that scored every customer of this request.")] string ModelVersion,
    [property: Description("Decision threshold of that model: predictedChurn = probability >= threshold.")] double Threshold,
    IReadOnlyList<CustomerScore> Results);

public sealed record CustomerScore(double ChurnProbability, bool PredictedChurn, RiskBand RiskBand, Explanation Explanation);

public sealed record Explanation(
    [property: Description("How the effects were computed.")] string Method,
    [property: Description("Every customer feature with its effect, largest absolute effect first.")] IReadOnlyList<FeatureEffect> Effects,
    [property: Description("Features that raise this customer's risk most (effect > 0), largest first.")] IReadOnlyList<FeatureEffect> RaisingRisk,
    [property: Description("Features that lower this customer's risk most (effect < 0), largest first.")] IReadOnlyList<FeatureEffect> LoweringRisk);

public sealed record FeatureEffect(
    string Feature,
    [property: Description("The customer's value.")] string Value,
    [property: Description("The reference it was replaced with: the training median, or the most common level.")] string Reference,
    [property: Description("probability(customer) − probability(customer with this feature at its reference).")] double Effect);
