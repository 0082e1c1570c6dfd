namespace Churn.Core.Composition;

/// <summary>
/// Tags of the health checks the pipeline registers. <c>/health</c> (readiness) runs the checks tagged
/// <see cref="Ready"/>; <c>/alive</c> (liveness) only the service defaults' <c>self</c> check.
/// </summary>
public static class HealthCheckTags
{
    public const string Ready = "ready";
}
