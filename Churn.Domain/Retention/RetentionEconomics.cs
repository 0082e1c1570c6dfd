using System.ComponentModel;

namespace Churn.Domain.Retention;

/// <summary>
/// What a retention offer is worth, per deployment: the value of keeping a customer who would otherwise leave, the
/// cost of making the offer to one customer, and the share of would-be churners who accept it and stay. With
/// calibrated probabilities, <see cref="ExpectedGain"/> is what contacting one customer is expected to earn.
/// </summary>
public sealed record RetentionEconomics(
    [property: Description("Value of keeping one customer who would otherwise have left (currency units).")] double CustomerValue,
    [property: Description("Cost of making the offer to one customer, whether or not they accept (currency units).")] double OfferCost,
    [property: Description("Share of would-be churners who accept the offer and stay, in (0, 1].")] double AcceptanceRate)
{
    /// <summary>Expected value of contacting a customer certain to churn: acceptance × value.</summary>
    public double ValuePerChurnerContacted => AcceptanceRate * CustomerValue;

    /// <summary>
    /// The probability above which contacting a customer is expected to gain: cost ÷ (acceptance × value). Above 1,
    /// no customer is worth the offer.
    /// </summary>
    [Description("Offer cost ÷ (acceptance × value): a customer whose churn probability is above it has a positive expected gain.")]
    public double BreakEvenProbability => OfferCost / ValuePerChurnerContacted;

    /// <summary>Expected net gain of contacting one customer: probability × acceptance × value − cost.</summary>
    public double ExpectedGain(double probability) => probability * ValuePerChurnerContacted - OfferCost;

    /// <summary>What contacting <paramref name="contacted"/> labelled customers, <paramref name="churners"/> of them churners, earns: churners × acceptance × value − contacted × cost.</summary>
    public double RealisedProfit(long churners, long contacted) => churners * ValuePerChurnerContacted - contacted * OfferCost;

    /// <summary>What contacting customers whose probabilities sum to <paramref name="probabilitySum"/> is expected to earn: Σp × acceptance × value − contacted × cost.</summary>
    public double ExpectedProfit(double probabilitySum, long contacted) => probabilitySum * ValuePerChurnerContacted - contacted * OfferCost;
}
