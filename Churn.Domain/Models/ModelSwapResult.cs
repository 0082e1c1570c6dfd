namespace Churn.Domain.Models;

/// <summary>What a reload did; <see cref="Reason"/> says why a candidate was rejected.</summary>
public sealed record ModelSwapResult(ModelSwapOutcome Outcome, string? ServingVersion, string? Reason = null);
