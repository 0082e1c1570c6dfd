using Churn.Domain.Monitoring;

namespace Churn.Web.Pages.Shared.Charts;

/// <summary>Expected (reference) against actual (window) share per bin of one drifted distribution.</summary>
public sealed record BinsChartData(string Id, string Title, string Description, IReadOnlyList<DriftBin> Bins)
{
    public double Max => Bins.Count == 0 ? 1 : Math.Max(0.01, Bins.Max(b => Math.Max(b.Expected, b.Actual)));
}
