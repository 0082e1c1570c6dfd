using Churn.Api.Retention;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Domain.Retention;
using Churn.Testing;

namespace Churn.Api.Tests.Retention;

/// <summary>Budget and top semantics, ranks and totals of a campaign over the store's ranked current predictions.</summary>
public sealed class CampaignPlannerTests
{
    private static readonly RetentionEconomics Economics = new(CustomerValue: 600, OfferCost: 30, AcceptanceRate: 0.3);

    /// <summary>What the store returns: current predictions above the break-even, highest first.</summary>
    private static readonly Prediction[] Ranked = [At("c-1", 0.99), At("c-2", 0.8), At("c-3", 0.5), At("c-4", 0.2)];

    [Theory]
    [InlineData(90, 30, 3)]
    [InlineData(89.99, 30, 2)]
    [InlineData(0.3, 0.1, 3)]     // counted in decimal: three offers of 0.1 fit in 0.3
    [InlineData(29, 30, 0)]
    [InlineData(0, 30, 0)]
    public void A_budget_pays_for_whole_offers(double budget, double cost, int offers)
    {
        var (limit, limitedBy) = CampaignPlanner.Capacity(new CampaignRequest(budget, null), Economics with { OfferCost = cost }, 1000);

        Assert.Equal((offers, CampaignLimit.Budget), (limit, limitedBy));
    }

    [Fact]
    public void A_free_offer_or_a_large_budget_or_top_is_capped_by_the_campaign_size()
    {
        Assert.Equal((1000, CampaignLimit.MaxCampaignSize), CampaignPlanner.Capacity(new CampaignRequest(1, null), Economics with { OfferCost = 0 }, 1000));
        Assert.Equal((1000, CampaignLimit.MaxCampaignSize), CampaignPlanner.Capacity(new CampaignRequest(1e12, null), Economics, 1000));
        Assert.Equal((7, CampaignLimit.Top), CampaignPlanner.Capacity(new CampaignRequest(null, 7), Economics, 1000));
        Assert.Equal((5, CampaignLimit.MaxCampaignSize), CampaignPlanner.Capacity(new CampaignRequest(null, 7), Economics, 5));
    }

    [Fact]
    public void The_campaign_ranks_by_expected_gain_and_totals_what_it_contacts()
    {
        var request = new CampaignRequest(90, null);

        var campaign = CampaignPlanner.Plan(request, Economics, limit: 3, CampaignLimit.Budget, Ranked);

        Assert.Equal(["c-1", "c-2", "c-3"], campaign.Customers.Select(c => c.CustomerId));
        Assert.Equal([1, 2, 3], campaign.Customers.Select(c => c.Rank));
        Assert.Equal([0.99 * 180 - 30, 0.8 * 180 - 30, 0.5 * 180 - 30], campaign.Customers.Select(c => Math.Round(c.ExpectedGain, 9)));
        Assert.Equal(Ranked[..3], campaign.Customers.Select(c => c.Prediction));
        Assert.Equal(CampaignLimit.Budget, campaign.LimitedBy); // c-4 also had a positive expected gain
        Assert.Equal(3, campaign.Totals.Contacted);
        Assert.Equal(90, campaign.Totals.Cost, 9);
        Assert.Equal((0.99 + 0.8 + 0.5) * 0.3, campaign.Totals.ExpectedRetained, 9);
        Assert.Equal(campaign.Customers.Sum(c => c.ExpectedGain), campaign.Totals.ExpectedGain, 9);
        Assert.Equal((90.0, (int?)null, Economics), (campaign.Budget!.Value, campaign.Top, campaign.Economics));
    }

    [Fact]
    public void A_campaign_that_runs_out_of_customers_worth_an_offer_says_so()
    {
        var campaign = CampaignPlanner.Plan(new CampaignRequest(null, 10), Economics, limit: 10, CampaignLimit.Top, Ranked);

        Assert.Equal(4, campaign.Customers.Count);
        Assert.Equal(CampaignLimit.PositiveGain, campaign.LimitedBy);
        Assert.Equal(10, campaign.Top);
    }

    [Fact]
    public void A_budget_below_one_offer_contacts_nobody_and_says_the_budget_is_why()
    {
        var campaign = CampaignPlanner.Plan(new CampaignRequest(20, null), Economics, limit: 0, CampaignLimit.Budget, Ranked[..1]);

        Assert.Empty(campaign.Customers);
        Assert.Equal(CampaignLimit.Budget, campaign.LimitedBy);
        Assert.Equal(new CampaignTotals(0, 0, 0, 0), campaign.Totals);
    }

    private static Prediction At(string customerId, double probability) => new()
    {
        EventId = $"e-{customerId}", CustomerId = customerId, Source = "test", Customer = TestCustomers.Typical(),
        ChurnProbability = probability, PredictedChurn = probability >= 0.36, RiskBand = RiskBands.For(probability, 0.36),
        ModelVersion = "v-test", OccurredAt = DateTimeOffset.UnixEpoch, IngestedAt = DateTimeOffset.UnixEpoch, ScoredAt = DateTimeOffset.UnixEpoch,
    };
}
