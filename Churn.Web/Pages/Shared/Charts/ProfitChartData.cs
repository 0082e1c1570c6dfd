namespace Churn.Web.Pages.Shared.Charts;

/// <summary>
/// Profit lines over x in [0, <see cref="XMax"/>] (a threshold, or customers contacted), with the thresholds marked; x values
/// are written with <see cref="XFormat"/>.
/// </summary>
public sealed record ProfitChartData(string Id, string Title, string Description, string XLabel, double XMax, string XFormat,
    IReadOnlyList<ProfitSeries> Series, IReadOnlyList<ProfitMarker> Markers)
{
    public double YMin => Math.Min(0, Series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Min());

    public double YMax => Math.Max(1, Series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Max());
}
