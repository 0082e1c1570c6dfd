namespace Churn.Core.Serving;

/// <summary>The model lifecycle's Meter name (<see cref="ModelMetrics"/>): swaps, refused candidates, the serving version.</summary>
public static class ModelTelemetry
{
    public const string Name = "Churn.Model";
}
