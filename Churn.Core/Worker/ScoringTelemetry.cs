using System.Diagnostics;

namespace Churn.Core.Worker;

/// <summary>The scoring worker's ActivitySource and the name of its Meter (<see cref="ScoringMetrics"/>).</summary>
public static class ScoringTelemetry
{
    public const string Name = "Churn.Scoring";

    public static readonly ActivitySource Source = new(Name);
}
