using System.Globalization;
using Churn.Domain.Api;

namespace Churn.Web.Pages.Shared.Charts;

/// <summary>The model page's two views of one profit curve: over thresholds and over the number of customers contacted (top-k).</summary>
public static class ProfitCharts
{
    public const string Realised = "realised";
    public const string Expected = "expected";

    /// <summary>What each threshold choice is called on the page.</summary>
    public static string Label(ThresholdChoice choice) => choice.Name switch
    {
        "f1" => "F1 threshold (the card's)",
        "profit" => "Profit-optimal (out-of-fold)",
        "break-even" => "Break-even (expected gain > 0)",
        _ => choice.Name,
    };

    public static ProfitChartData ByThreshold(ProfitCurveResponse curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var points = curve.TestFile.Points;
        return new ProfitChartData("chart-profit-threshold", "Profit over thresholds (test file)",
            "Realised profit (from the labels) and expected profit (from the probabilities) of contacting every test-file customer " +
            "at or above each threshold; the vertical lines mark the F1, profit-optimal and break-even thresholds.",
            "Threshold (contact every customer at or above it)", 1, "0.###",
            [Series(Realised, "realised", points, p => p.Threshold, p => p.RealisedProfit, (1, 0)),
             Series(Expected, "expected", points, p => p.Threshold, p => p.ExpectedProfit, (1, 0))],
            [.. curve.Thresholds.Select(t => new ProfitMarker(t.Name, Label(t), t.Threshold, t.TestFile.RealisedProfit))]);
    }

    public static ProfitChartData ByTopK(ProfitCurveResponse curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var points = curve.TestFile.Points;
        return new ProfitChartData("chart-profit-topk", "Profit over the top-k customers (test file)",
            "Realised and expected profit of contacting the k test-file customers of highest probability, for every k; the " +
            "vertical lines mark how many customers each threshold contacts.",
            string.Create(CultureInfo.InvariantCulture, $"Customers contacted, highest probability first (of {curve.TestFile.Customers:N0})"),
            curve.TestFile.Customers, "N0",
            [Series(Realised, "realised", points, p => p.Contacted, p => p.RealisedProfit, (0, 0)),
             Series(Expected, "expected", points, p => p.Contacted, p => p.ExpectedProfit, (0, 0))],
            [.. curve.Thresholds.Select(t => new ProfitMarker(t.Name, Label(t), t.TestFile.Contacted, t.TestFile.RealisedProfit))]);
    }

    /// <summary>The curve's points with the campaign that contacts nobody (profit 0), in x order.</summary>
    private static ProfitSeries Series(string name, string cssClass, IReadOnlyList<ProfitPoint> points, Func<ProfitPoint, double> x,
        Func<ProfitPoint, double> y, (double X, double Y) nobodyContacted) =>
        new(name, cssClass, [.. points.Select(p => (x(p), y(p))).Append(nobodyContacted).OrderBy(p => p.Item1)]);
}
