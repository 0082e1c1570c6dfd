using System.Net;
using Churn.Api.Retention;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Domain.Retention;

namespace Churn.Api.Tests.Retention;

/// <summary>
/// GET /api/campaign end to end: the test file replayed through the Api, scored by the Trainer's model in the embedded
/// pipeline and stored in SQLite; the campaign is checked against the stored predictions read the ordinary way.
/// </summary>
public sealed class CampaignApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly RetentionEconomics Economics = new RetentionOptions().Economics; // the Api runs with the defaults
    private readonly HttpClient client = factory.CreateClient();

    public async ValueTask InitializeAsync() => await TestFileReplay.ReplayAsync(factory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_budget_buys_offers_for_the_customers_of_highest_expected_gain_and_the_totals_add_them_up()
    {
        var highest = (await TestFileReplay.CurrentAsync(factory)).OrderByDescending(p => p.ChurnProbability).Take(10).ToList();

        var campaign = await (await client.Get("/api/campaign?budget=300")).Read<CampaignResponse>(); // 300 / 30 = 10 offers

        Assert.Equal((300.0, (int?)null, CampaignLimit.Budget, Economics), (campaign.Budget!.Value, campaign.Top, campaign.LimitedBy, campaign.Economics));
        Assert.Equal(highest.Select(p => p.CustomerId), campaign.Customers.Select(c => c.CustomerId));
        Assert.Equal(highest, campaign.Customers.Select(c => c.Prediction));
        Assert.Equal(Enumerable.Range(1, 10), campaign.Customers.Select(c => c.Rank));
        Assert.All(campaign.Customers, c => Assert.Equal(c.ChurnProbability * 0.3 * 600 - 30, c.ExpectedGain, 9));
        Assert.Equal(campaign.Customers.Select(c => c.ExpectedGain).OrderDescending(), campaign.Customers.Select(c => c.ExpectedGain));
        Assert.Equal(10, campaign.Totals.Contacted);
        Assert.Equal(300, campaign.Totals.Cost, 9);
        Assert.Equal(highest.Sum(p => p.ChurnProbability) * 0.3, campaign.Totals.ExpectedRetained, 9);
        Assert.Equal(campaign.Customers.Sum(c => c.ExpectedGain), campaign.Totals.ExpectedGain, 9);
    }

    [Fact]
    public async Task Asking_for_more_customers_than_are_worth_an_offer_returns_every_positive_gain_and_the_dashboards_best_campaign()
    {
        var worthIt = (await TestFileReplay.CurrentAsync(factory)).Where(p => Economics.ExpectedGain(p.ChurnProbability) > 0).ToList();

        var campaign = await (await client.Get("/api/campaign?top=1000")).Read<CampaignResponse>();
        var stats = await (await client.Get("/api/stats")).Read<PredictionStats>();

        Assert.Equal(CampaignLimit.PositiveGain, campaign.LimitedBy);
        Assert.Equal(worthIt.Select(p => p.CustomerId).Order(), campaign.Customers.Select(c => c.CustomerId).Order());
        Assert.All(campaign.Customers, c => Assert.True(c.ExpectedGain > 0));
        var best = stats.Retention!.BestCampaign;
        Assert.Equal(best.Contacted, campaign.Totals.Contacted);
        Assert.Equal(best.Cost, campaign.Totals.Cost, 9);
        Assert.Equal(best.ExpectedRetained, campaign.Totals.ExpectedRetained, 9);
        Assert.Equal(best.ExpectedGain, campaign.Totals.ExpectedGain, 6);
    }

    [Fact]
    public async Task The_stats_value_at_risk_is_the_sum_of_the_current_probabilities_times_the_customer_value()
    {
        var current = await TestFileReplay.CurrentAsync(factory);

        var retention = (await (await client.Get("/api/stats")).Read<PredictionStats>()).Retention!;

        Assert.Equal(Economics, retention.Economics);
        Assert.Equal(current.Count, retention.Customers);
        Assert.Equal(current.Sum(p => p.ChurnProbability), retention.ExpectedChurners, 9);
        Assert.Equal(current.Sum(p => p.ChurnProbability) * 600, retention.ValueAtRisk, 6);
    }

    [Theory]
    [InlineData("", "budget", "Give either budget (money to spend on offers) or top (number of customers).")]
    [InlineData("?top=", "top", "Give either budget (money to spend on offers) or top (number of customers).")]
    [InlineData("?budget=100&top=5", "top", "Give budget or top, not both.")]
    [InlineData("?top=1001", "top", "Must be at most 1000 (Churn:Retention:MaxCampaignSize).")]
    [InlineData("?top=0", "top", "Must be 1 or more.")]
    [InlineData("?top=ten", "top", "'ten' is not a valid int.")]
    [InlineData("?budget=-1", "budget", "Must be between 0 and 1000000000000.")]
    [InlineData("?budget=NaN", "budget", "Must be between 0 and 1000000000000.")]
    [InlineData("?budget=lots", "budget", "'lots' is not a valid double.")]
    public async Task A_campaign_request_without_exactly_one_valid_budget_or_top_is_a_400_saying_why(string query, string field, string reason) =>
        Assert.Equal(reason, await (await client.Get($"/api/campaign{query}")).ValidationError(field));
}
