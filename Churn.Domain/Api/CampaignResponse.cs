using System.ComponentModel;
using Churn.Domain.Retention;

namespace Churn.Domain.Api;

/// <summary>Response of GET /api/campaign: whom to contact, ranked by expected gain, and what it is worth.</summary>
public sealed record CampaignResponse(
    RetentionEconomics Economics,
    [property: Description("The budget asked for (null when top was given).")] double? Budget,
    [property: Description("The number of customers asked for (null when budget was given).")] int? Top,
    [property: Description("Why the list ends: Budget, Top, PositiveGain (no other customer is expected to gain) or MaxCampaignSize.")] CampaignLimit LimitedBy,
    CampaignTotals Totals,
    [property: Description("Customers to contact, highest expected gain first: each customer's latest prediction, only positive expected gains.")] IReadOnlyList<CampaignEntry> Customers);
