using Churn.Domain.Api;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests.Retention;

/// <summary>A campaign and the value at risk follow each customer's latest prediction: a customer rescored low is not called.</summary>
public sealed class CampaignRescoringTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient client = factory.CreateClientWithKey();

    public async ValueTask InitializeAsync() => await TestFileReplay.ReplayAsync(factory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_customer_whose_latest_prediction_is_low_risk_leaves_the_campaign_and_counts_once_at_that_risk()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await (await client.Get("/api/campaign?top=1000")).Read<CampaignResponse>();
        var riskBefore = (await (await client.Get("/api/stats")).Read<PredictionStats>()).Retention!;
        var top = before.Customers[0];

        // The same customer again, now with an ordinary profile (the CRM's latest record): scored low by the model.
        var ordinary = TestCustomers.Typical(serviceCalls: 1, dayMinutes: 150);
        (await client.PostJson("/api/customers", new CustomerBatchRequest { Customers = [CustomerInput.From(ordinary, customerId: top.CustomerId)] }))
            .EnsureSuccessStatusCode();
        var history = await Eventually.UntilAsync(() => factory.Store.GetCustomerHistoryAsync(top.CustomerId, 10, ct), h => h.Count == 2,
            what: $"{top.CustomerId} rescored", cancellationToken: ct);
        var latest = history[0];
        Assert.True(latest.ChurnProbability < 0.1, $"the ordinary profile scored {latest.ChurnProbability}");

        var after = await (await client.Get("/api/campaign?top=1000")).Read<CampaignResponse>();
        var riskAfter = (await (await client.Get("/api/stats")).Read<PredictionStats>()).Retention!;

        Assert.DoesNotContain(after.Customers, c => c.CustomerId == top.CustomerId);
        Assert.Equal(before.Customers.Skip(1).Select(c => c.CustomerId), after.Customers.Select(c => c.CustomerId));
        Assert.Equal(before.Totals.Contacted - 1, after.Totals.Contacted);
        Assert.Equal(riskBefore.Customers, riskAfter.Customers); // one customer, two predictions: counted once
        Assert.Equal(riskBefore.ExpectedChurners - top.ChurnProbability + latest.ChurnProbability, riskAfter.ExpectedChurners, 9);
        Assert.Equal(before.Totals.ExpectedGain - top.ExpectedGain, riskAfter.BestCampaign.ExpectedGain, 6);
    }
}
