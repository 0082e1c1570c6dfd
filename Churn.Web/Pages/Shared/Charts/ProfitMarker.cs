namespace Churn.Web.Pages.Shared.Charts;

/// <summary>A threshold on a profit chart: a vertical line at <see cref="X"/> and a point at its realised profit <see cref="Y"/>.</summary>
public sealed record ProfitMarker(string Name, string Label, double X, double Y);
