using Churn.Domain.Monitoring;

namespace Churn.Api.Documentation;

/// <summary>The example of GET /api/monitoring (placeholder until measured).</summary>
internal static class MonitoringExample
{
    public static readonly MonitoringReport Report = new()
    {
        ComputedAt = new DateTimeOffset(2026, 1, 15, 9, 45, 0, TimeSpan.Zero), AlertState = DriftState.Ok, Alerts = [],
        Settings = new MonitoringSettings { WindowSize = 2000, MinimumEvents = 200, WarnPsi = 0.1, AlertPsi = 0.25, Epsilon = 1e-4, QualityWindowSize = 5000, MinimumLabelled = 100 },
        Events = 0, Features = [], Predictions = [], Quality = [],
    };
}
