namespace Churn.Web.Pages.Shared.Charts;

/// <summary>
/// The PSI bar chart: one bar per distribution, with the warn and alert thresholds drawn as vertical lines. The axis
/// runs to the largest PSI (at least 0.3, so both thresholds show; at most 1, beyond which a bar is cut and its value written).
/// </summary>
public sealed record PsiChartData(string Id, string Title, string Description, IReadOnlyList<PsiRow> Rows, double WarnPsi, double AlertPsi)
{
    public double AxisMax => Math.Clamp(Rows.Count == 0 ? 0 : Rows.Max(r => r.Psi) * 1.1, Math.Max(0.3, AlertPsi * 1.2), Math.Max(1, AlertPsi * 1.2));
}
