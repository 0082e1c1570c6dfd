namespace Churn.AppHost.Infrastructure;

/// <summary>The chosen mode and the sentence that explains why, logged at start.</summary>
public sealed record ModeSelection(InfrastructureMode Mode, string Reason);
