namespace Churn.Web.Pages.Shared.Charts;

public sealed record ChartPoint(string Label, double Value, string? Note = null);
