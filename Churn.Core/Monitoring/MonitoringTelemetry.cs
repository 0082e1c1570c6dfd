namespace Churn.Core.Monitoring;

/// <summary>The drift monitor's Meter name (<see cref="MonitoringMetrics"/>): PSI per feature and per model version, live quality, alert state.</summary>
public static class MonitoringTelemetry
{
    public const string Name = "Churn.Monitoring";
}
