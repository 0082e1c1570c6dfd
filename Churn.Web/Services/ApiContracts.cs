using Churn.Core.Pipeline;

namespace Churn.Web.Services;

// The Api's response shapes that Churn.Core does not already define (the Web reads them; the Api owns them).

public sealed record ScoreResponse(string ModelVersion, double Threshold, IReadOnlyList<CustomerScore> Results);

public sealed record CustomerScore(double ChurnProbability, bool PredictedChurn, RiskBand RiskBand, Explanation Explanation);

public sealed record Explanation(string Method, IReadOnlyList<FeatureEffect> Effects, IReadOnlyList<FeatureEffect> RaisingRisk,
    IReadOnlyList<FeatureEffect> LoweringRisk);

public sealed record FeatureEffect(string Feature, string Value, string Reference, double Effect);

public sealed record ModelsResponse(string? Serving, IReadOnlyList<ModelSummary> Models);

public sealed record ModelSummary(string Version, DateTimeOffset Created, string Algorithm, double Auc, double F1, double Threshold, bool Serving);

/// <summary>The outcome of a what-if call: a score, or the Api's validation errors keyed by customer field (camelCase).</summary>
public sealed record ScoreOutcome(CustomerScore? Score, string? ModelVersion, IReadOnlyDictionary<string, string[]> Errors, string? Problem);
