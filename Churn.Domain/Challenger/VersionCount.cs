namespace Churn.Domain.Challenger;

/// <summary>How many of the compared events a model version decided.</summary>
public sealed record VersionCount(string Version, int Events);
