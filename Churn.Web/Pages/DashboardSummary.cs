using Churn.Domain.Predictions;
using Churn.Web.Pages.Shared.Charts;

namespace Churn.Web.Pages;

/// <summary>
/// The dashboard's tiles and charts, built from GET /api/stats, the serving model's version and the number of recorded
/// dead letters (GET /api/dead-letters).
/// </summary>
public sealed record DashboardSummary(PredictionStats Stats, string? ModelVersion, long DeadLetters)
{
    public long HighRisk => Stats.ByRiskBand.GetValueOrDefault(RiskBand.High);

    public ChartData Histogram
    {
        get
        {
            var bins = Stats.ProbabilityHistogram;
            var width = 1.0 / Math.Max(1, bins.Count);
            return new ChartData("chart-probability", "Churn probability distribution",
                $"Number of predictions per probability bin of width {width:0.##}, from 0 to 1.",
                [.. bins.Select((count, i) => new ChartPoint($"{i * width:0.##}", count, $"{i * width:0.##}–{(i + 1) * width:0.##}"))]);
        }
    }

    public ChartData RiskByState => new("chart-states", "Risk by state (highest mean probability, top 15)",
        "Mean predicted churn probability per state for the fifteen states with the highest mean.",
        [.. Stats.ByState.OrderByDescending(s => s.MeanProbability).Take(15)
            .Select(s => new ChartPoint(s.State, s.MeanProbability, $"{s.Total} predictions, {s.PredictedChurn} predicted to churn"))],
        "0.00");

    public ChartData Throughput => new("chart-throughput", "Predictions per minute (last hour)",
        "Number of predictions stored in each one-minute bucket over the last hour.",
        [.. Stats.Throughput.Select(t => new ChartPoint(t.Start.ToUniversalTime().ToString("HH:mm"), t.Count))]);
}
