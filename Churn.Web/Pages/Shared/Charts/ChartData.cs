namespace Churn.Web.Pages.Shared.Charts;

/// <summary>What a server-rendered SVG chart shows: labelled values, a title and a text description for screen readers.</summary>
public sealed record ChartData(string Id, string Title, string Description, IReadOnlyList<ChartPoint> Points, string ValueFormat = "N0")
{
    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);
}

public sealed record ChartPoint(string Label, double Value, string? Note = null);

/// <summary>A line through (x, y) points in [0, 1]² (the ROC curve), with a marked point (the threshold).</summary>
public sealed record CurveData(string Id, string Title, string Description, IReadOnlyList<(double X, double Y)> Points,
    (double X, double Y)? Marker, string MarkerLabel, string XLabel, string YLabel);
