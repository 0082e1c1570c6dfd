namespace Churn.Benchmarks.Pipeline;

/// <summary>Percentiles of a latency sample (nearest rank), in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(double[] values)
    {
        if (values.Length == 0)
        {
            return new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        Array.Sort(values);
        double At(double q) => Math.Round(values[Math.Clamp((int)Math.Ceiling(q * values.Length) - 1, 0, values.Length - 1)], 2);
        return new(At(0.50), At(0.95), At(0.99), Math.Round(values[^1], 2), Math.Round(values.Average(), 2));
    }
}
