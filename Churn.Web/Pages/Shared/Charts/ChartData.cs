namespace Churn.Web.Pages.Shared.Charts;

/// <summary>What a server-rendered SVG chart shows: labelled values, a title and a text description for screen readers.</summary>
public sealed record ChartData(string Id, string Title, string Description, IReadOnlyList<ChartPoint> Points, string ValueFormat = "N0")
{
    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);
}
