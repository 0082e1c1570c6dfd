using Churn.Domain.Api;

namespace Churn.Api.Tests.Retention;

/// <summary>The deployment's economics and campaign cap as configured: a free offer is worth every customer, up to the cap.</summary>
public sealed class CampaignSizeTests(FreeOfferApiFactory factory) : IClassFixture<FreeOfferApiFactory>, IAsyncLifetime
{
    private readonly HttpClient client = factory.CreateClient();

    public async ValueTask InitializeAsync() => await TestFileReplay.ReplayAsync(factory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_budget_for_free_offers_is_limited_by_the_campaign_size_and_costs_nothing()
    {
        var campaign = await (await client.Get("/api/campaign?budget=1")).Read<CampaignResponse>();

        Assert.Equal((0.0, 0.0), (campaign.Economics.OfferCost, campaign.Economics.BreakEvenProbability));
        Assert.Equal(CampaignLimit.MaxCampaignSize, campaign.LimitedBy);
        Assert.Equal(5, campaign.Customers.Count);
        Assert.Equal((5L, 0.0), (campaign.Totals.Contacted, campaign.Totals.Cost));
        Assert.Equal(campaign.Customers.Sum(c => c.ChurnProbability) * 0.3 * 600, campaign.Totals.ExpectedGain, 9);
    }

    [Fact]
    public async Task Top_beyond_the_configured_campaign_size_is_a_400_naming_it() =>
        Assert.Equal("Must be at most 5 (Churn:Retention:MaxCampaignSize).", await (await client.Get("/api/campaign?top=6")).ValidationError("top"));
}
