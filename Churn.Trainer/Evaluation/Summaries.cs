using Churn.Domain.Models;

namespace Churn.Trainer.Evaluation;

/// <summary>Mean ± sample standard deviation of per-fold values, as every leaderboard column shows them.</summary>
public static class Summaries
{
    public static MetricSummary Of(IEnumerable<double> values)
    {
        var array = values.ToArray();
        var mean = array.Average();
        var sd = Math.Sqrt(array.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, array.Length - 1));
        return new MetricSummary(mean, sd);
    }
}
