namespace Churn.Core.Challenger;

/// <summary>The shadow challenger's Meter name (<see cref="ChallengerMetrics"/>).</summary>
public static class ChallengerTelemetry
{
    public const string Name = "Churn.Challenger";
}
