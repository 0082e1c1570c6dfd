using Churn.Domain.Retention;

namespace Churn.Api.Retention;

/// <summary>
/// A campaign: each customer's current prediction with a positive expected gain (probability above the break-even),
/// highest first — with a uniform customer value and offer cost the gain rises with the probability — taken until the
/// budget pays for no more offers, the requested number is reached, or the Api's cap.
/// </summary>
public static class CampaignPlanner
{
    /// <summary>How many customers <paramref name="request"/> may contact, and which limit that is.</summary>
    public static (int Limit, CampaignLimit LimitedBy) Capacity(CampaignRequest request, RetentionEconomics economics, int maxCampaignSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(economics);
        var (wanted, reason) = request switch
        {
            { Top: { } top } => (top, CampaignLimit.Top),
            { Budget: { } budget } => (Affordable(budget, economics.OfferCost), CampaignLimit.Budget),
            _ => throw new ArgumentException("A campaign needs a budget or a number of customers.", nameof(request)),
        };
        return wanted <= maxCampaignSize ? ((int)wanted, reason) : (maxCampaignSize, CampaignLimit.MaxCampaignSize);
    }

    /// <summary>
    /// The campaign over <paramref name="ranked"/>: the store's current predictions above the break-even, highest
    /// probability first, fetched one beyond <paramref name="limit"/> so a list cut short says so.
    /// </summary>
    public static CampaignResponse Plan(CampaignRequest request, RetentionEconomics economics, int limit, CampaignLimit limitedBy,
        IReadOnlyList<Prediction> ranked)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(economics);
        ArgumentNullException.ThrowIfNull(ranked);
        var chosen = ranked.Take(limit).ToList();
        var customers = chosen
            .Select((p, i) => new CampaignEntry(i + 1, p.CustomerId, p.ChurnProbability, economics.ExpectedGain(p.ChurnProbability), p))
            .ToList();
        return new CampaignResponse(economics, request.Budget, request.Top, ranked.Count > limit ? limitedBy : CampaignLimit.PositiveGain,
            CampaignTotals.Of(economics, chosen.Count, chosen.Sum(p => p.ChurnProbability)), customers);
    }

    /// <summary>Offers <paramref name="budget"/> pays for, counted in decimal so 0.3 buys three offers of 0.1.</summary>
    public static long Affordable(double budget, double offerCost) =>
        offerCost == 0 ? long.MaxValue : (long)Math.Min(Math.Floor((decimal)budget / (decimal)offerCost), long.MaxValue);
}
