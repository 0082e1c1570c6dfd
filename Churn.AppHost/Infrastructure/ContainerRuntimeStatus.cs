namespace Churn.AppHost.Infrastructure;

/// <summary>Whether a container runtime answered, and a human-readable account of what was tried.</summary>
public sealed record ContainerRuntimeStatus(bool IsAvailable, string Description);
