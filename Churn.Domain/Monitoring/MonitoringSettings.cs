namespace Churn.Domain.Monitoring;

/// <summary>The rules a report was computed with (configuration <c>Churn:Monitoring</c>).</summary>
public sealed record MonitoringSettings
{
    public required int WindowSize { get; init; }
    public required int MinimumEvents { get; init; }
    public required double WarnPsi { get; init; }
    public required double AlertPsi { get; init; }
    /// <summary>Shares below this are raised to it before the PSI's logarithm (empty bins).</summary>
    public required double Epsilon { get; init; }
    public required int QualityWindowSize { get; init; }
    public required int MinimumLabelled { get; init; }
}
