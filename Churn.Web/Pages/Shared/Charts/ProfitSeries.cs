namespace Churn.Web.Pages.Shared.Charts;

/// <summary>One line of a profit chart: (x, profit) points in x order, drawn with <see cref="CssClass"/>.</summary>
public sealed record ProfitSeries(string Name, string CssClass, IReadOnlyList<(double X, double Y)> Points);
