using System.ComponentModel.DataAnnotations;
using Churn.Domain.Retention;

namespace Churn.Api.Retention;

/// <summary>
/// The deployment's retention economics (configuration section <c>Churn:Retention</c>), validated at start. The defaults
/// are placeholders with a stated rationale (docs/configuration.md), not measurements: set your own.
/// </summary>
public sealed record RetentionOptions
{
    public const string SectionName = "Churn:Retention";

    /// <summary>Value of keeping a customer who would otherwise leave: about ten months of the training file's mean monthly bill ($59.36).</summary>
    [Range(0d, 1e9, MinimumIsExclusive = true)]
    public double CustomerValue { get; init; } = 600;

    /// <summary>Cost of making the offer to one customer, accepted or not: a $25 bill credit and about $5 of agent time.</summary>
    [Range(0d, 1e9)]
    public double OfferCost { get; init; } = 30;

    /// <summary>Share of would-be churners who accept the offer and stay.</summary>
    [Range(0d, 1d, MinimumIsExclusive = true)]
    public double AcceptanceRate { get; init; } = 0.3;

    /// <summary>Most customers one GET /api/campaign returns (each entry carries the customer's prediction).</summary>
    [Range(1, 100_000)]
    public int MaxCampaignSize { get; init; } = 1_000;

    public RetentionEconomics Economics => new(CustomerValue, OfferCost, AcceptanceRate);
}
