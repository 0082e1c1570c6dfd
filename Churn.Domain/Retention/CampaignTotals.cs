using System.ComponentModel;

namespace Churn.Domain.Retention;

/// <summary>What contacting a set of customers costs and is expected to bring.</summary>
public sealed record CampaignTotals(
    [property: Description("Customers contacted.")] long Contacted,
    [property: Description("contacted × offer cost.")] double Cost,
    [property: Description("Σ probability × acceptance: customers expected to stay who would have left.")] double ExpectedRetained,
    [property: Description("Σ (probability × acceptance × value − cost): the campaign's expected net gain.")] double ExpectedGain)
{
    /// <summary>The totals of contacting <paramref name="contacted"/> customers whose churn probabilities sum to <paramref name="probabilitySum"/>.</summary>
    public static CampaignTotals Of(RetentionEconomics economics, long contacted, double probabilitySum)
    {
        ArgumentNullException.ThrowIfNull(economics);
        return new(contacted, contacted * economics.OfferCost, probabilitySum * economics.AcceptanceRate,
            economics.ExpectedProfit(probabilitySum, contacted));
    }
}
