using Churn.Domain.Api;

namespace Churn.Web.Services;

/// <summary>The outcome of a what-if call: a score, or the Api's validation errors keyed by customer field (camelCase).</summary>
public sealed record ScoreOutcome(CustomerScore? Score, string? ModelVersion, IReadOnlyDictionary<string, string[]> Errors, string? Problem);
