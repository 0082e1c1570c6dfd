namespace Churn.Domain.Api;

/// <summary>How many recorded dead letters have one reason kind.</summary>
public sealed record ReasonKindCount(string ReasonKind, long Count);
