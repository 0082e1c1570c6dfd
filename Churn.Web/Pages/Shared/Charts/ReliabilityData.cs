using Churn.Domain.Models;

namespace Churn.Web.Pages.Shared.Charts;

/// <summary>A reliability diagram: per probability bin, the observed churn share against the mean prediction, with counts.</summary>
public sealed record ReliabilityData(string Id, string Title, string Description, IReadOnlyList<ReliabilityBin> Bins)
{
    public int MaxCount => Bins.Count == 0 ? 1 : Math.Max(1, Bins.Max(b => b.Count));
}
