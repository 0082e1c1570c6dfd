namespace Churn.Web.Pages.Shared.Charts;

/// <summary>A line through (x, y) points in [0, 1]² (the ROC curve), with a marked point (the threshold).</summary>
public sealed record CurveData(string Id, string Title, string Description, IReadOnlyList<(double X, double Y)> Points,
    (double X, double Y)? Marker, string MarkerLabel, string XLabel, string YLabel);
