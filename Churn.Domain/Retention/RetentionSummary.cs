using System.ComponentModel;
using Churn.Domain.Predictions;

namespace Churn.Domain.Retention;

/// <summary>What the current predictions put at risk and what the best campaign is expected to save (part of GET /api/stats).</summary>
public sealed record RetentionSummary(
    RetentionEconomics Economics,
    [property: Description("Customers with a stored prediction, each counted once by their latest prediction.")] long Customers,
    [property: Description("Σ probability over them: customers expected to leave if nothing is done.")] double ExpectedChurners,
    [property: Description("Σ probability × customer value: the value expected to leave if nothing is done.")] double ValueAtRisk,
    [property: Description("Contacting every customer whose expected gain is positive (probability above the break-even), without a budget.")] CampaignTotals BestCampaign)
{
    /// <summary>The summary of <paramref name="current"/>, whose contactable cut must be <paramref name="economics"/>' break-even probability.</summary>
    public static RetentionSummary Of(RetentionEconomics economics, CurrentRisk current)
    {
        ArgumentNullException.ThrowIfNull(economics);
        ArgumentNullException.ThrowIfNull(current);
        if (current.ContactAbove != economics.BreakEvenProbability)
        {
            throw new ArgumentException($"The contactable customers are those above {current.ContactAbove}, not above the break-even probability {economics.BreakEvenProbability}.", nameof(current));
        }
        return new(economics, current.Customers, current.ProbabilitySum, current.ProbabilitySum * economics.CustomerValue,
            CampaignTotals.Of(economics, current.Contactable, current.ContactableProbabilitySum));
    }
}
