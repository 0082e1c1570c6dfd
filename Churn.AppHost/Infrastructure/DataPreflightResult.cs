namespace Churn.AppHost.Infrastructure;

/// <summary>The preflight's decision and the sentences that tell the user why (and, when refused, what to do).</summary>
public sealed record DataPreflightResult(DataPreflightOutcome Outcome, string Message);
