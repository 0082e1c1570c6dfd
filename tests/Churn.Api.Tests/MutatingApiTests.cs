using System.Net;
using Churn.Api.Contracts;
using Churn.Api.Serving;

namespace Churn.Api.Tests;

public sealed class MutatingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly CustomerBatchRequest OneCustomer =
        new() { Customers = [CustomerInput.From(TestData.Customer(), customerId: "crm-42")] };

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/admin/replay")]
    [InlineData("/api/admin/model/reload")]
    public async Task Mutating_endpoints_are_401_without_a_key_and_403_with_a_wrong_one(string url)
    {
        var published = factory.Ingest.Published.Count;
        var replays = factory.Ingest.Replays;

        var missing = await (await factory.CreateClient().PostJson(url, OneCustomer)).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", missing["detail"]!.GetValue<string>());
        await (await factory.CreateClientWithKey("wrong").PostJson(url, OneCustomer)).Problem(HttpStatusCode.Forbidden);

        Assert.Equal(published, factory.Ingest.Published.Count);
        Assert.Equal(replays, factory.Ingest.Replays);
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body_is_read()
    {
        using var garbage = new StringContent("not json", System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/api/customers", garbage, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Publishing_customers_returns_202_with_one_event_id_per_customer()
    {
        var anonymous = CustomerInput.From(TestData.Customer(serviceCalls: 3));
        var request = new CustomerBatchRequest { Customers = [OneCustomer.Customers![0], anonymous] };

        var accepted = await (await factory.CreateClientWithKey().PostJson("/api/customers", request))
            .Read<PublishedCustomers>(HttpStatusCode.Accepted);

        Assert.Equal(2, accepted.EventIds.Count);
        var published = factory.Ingest.Published.TakeLast(2).ToList();
        Assert.Equal("crm-42", published[0].CustomerId);
        Assert.StartsWith("api-", published[1].CustomerId);
        Assert.Equal(3, published[1].Customer.CustomerServiceCalls);
        Assert.Equal(published.Select(p => $"evt-{p.CustomerId}"), accepted.EventIds);
    }

    [Fact]
    public async Task Publishing_invalid_customers_is_a_400_and_publishes_nothing()
    {
        var before = factory.Ingest.Published.Count;
        var bad = new CustomerBatchRequest { Customers = [CustomerInput.From(TestData.Customer()) with { AreaCode = 12 }] };

        await (await factory.CreateClientWithKey().PostJson("/api/customers", bad)).ValidationError("customers[0].areaCode");

        Assert.Equal(before, factory.Ingest.Published.Count);
    }

    [Fact]
    public async Task Replay_runs_ingest_once_and_reports_its_counts()
    {
        var before = factory.Ingest.Replays;
        var report = await (await factory.CreateClientWithKey().PostJson("/api/admin/replay", new { })).Read<ReplayReport>();
        Assert.Equal(before + 1, factory.Ingest.Replays);
        Assert.Equal(new ReplayReport("csv:test.csv", 3, 1), report);
    }

    [Fact]
    public async Task Reload_reports_a_swap_and_a_refused_model_is_a_422_with_the_reason()
    {
        var client = factory.CreateClientWithKey();
        factory.Model.NextReload = new ModelReloadResult(ModelReloadOutcome.Swapped, "test-2", null);
        var swapped = await (await client.PostJson("/api/admin/model/reload", new { })).Read<ModelReloadResult>();
        Assert.Equal(ModelReloadOutcome.Swapped, swapped.Outcome);
        Assert.Equal("test-2", swapped.ServingVersion);

        factory.Model.NextReload = new ModelReloadResult(ModelReloadOutcome.Refused, "test-2", "Input schema has 3 features, expected 17.");
        var refused = await (await client.PostJson("/api/admin/model/reload", new { })).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Input schema has 3 features, expected 17.", refused["detail"]!.GetValue<string>());
        Assert.Equal("test-2", refused["servingVersion"]!.GetValue<string>());
    }
}
