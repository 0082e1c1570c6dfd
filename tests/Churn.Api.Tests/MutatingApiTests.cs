using System.Net;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

public sealed class MutatingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly CustomerBatchRequest OneCustomer =
        new() { Customers = [CustomerInput.From(TestCustomers.Typical(), customerId: "crm-42")] };

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/admin/replay")]
    [InlineData("/api/admin/model/reload")]
    public async Task Mutating_endpoints_are_401_without_a_key_and_403_with_a_wrong_one(string url)
    {
        var missing = await (await factory.CreateClient().PostJson(url, OneCustomer)).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", missing["detail"]!.GetValue<string>());
        await (await factory.CreateClientWithKey("wrong").PostJson(url, OneCustomer)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body_is_read()
    {
        using var garbage = new StringContent("not json", System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/api/customers", garbage, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("crm/42")]                          // its history URL would not route
    [InlineData("<img src=x onerror=alert(1)>")]    // markup
    [InlineData("crm-42\r\nforged log line")]     // control characters
    public async Task A_customer_id_outside_the_id_alphabet_is_a_400_naming_the_field(string customerId)
    {
        var request = new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical(), customerId)] };

        var problem = await (await factory.CreateClientWithKey().PostJson("/api/customers", request)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("letters, digits and . _ : -", problem["errors"]!["customers[0].customerId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Published_customers_are_scored_by_the_pipeline_and_stored_under_the_returned_event_ids()
    {
        var named = TestCustomers.Typical(serviceCalls: 1);
        var anonymous = TestCustomers.Typical(serviceCalls: 5, dayMinutes: 290);
        var request = new CustomerBatchRequest
        {
            Customers = [CustomerInput.From(named, customerId: "crm-42"), CustomerInput.From(anonymous)],
        };
        var client = factory.CreateClientWithKey();

        var accepted = await (await client.PostJson("/api/customers", request)).Read<PublishedCustomers>(HttpStatusCode.Accepted);

        Assert.Equal(2, accepted.EventIds.Count);
        Assert.All(accepted.EventIds, id => Assert.StartsWith("api-", id));
        var first = await (await Eventually.OkAsync(client, $"/api/predictions/{accepted.EventIds[0]}")).Read<Prediction>();
        var second = await (await Eventually.OkAsync(client, $"/api/predictions/{accepted.EventIds[1]}")).Read<Prediction>();
        Assert.Equal("crm-42", first.CustomerId);
        Assert.StartsWith("api-", second.CustomerId);
        Assert.Equal(5, second.Customer.CustomerServiceCalls);
        using var direct = ModelCandidate.Load(factory.Settings.ModelDirectory, new OnnxScorerOptions());
        Assert.Equal(direct.ProbabilityOf(named), first.ChurnProbability, 6);
        Assert.Equal(direct.ProbabilityOf(anonymous), second.ChurnProbability, 6);
        Assert.Equal(direct.Card.Version, second.ModelVersion);
        Assert.Equal("api", second.Source);
    }

    [Fact]
    public async Task Publishing_invalid_customers_is_a_400_naming_the_field()
    {
        var bad = new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical()) with { AreaCode = 12 }] };

        var reason = await (await factory.CreateClientWithKey().PostJson("/api/customers", bad)).ValidationError("customers[0].areaCode");

        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public async Task Replaying_the_test_file_stores_one_prediction_per_row_and_a_second_replay_adds_none()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClientWithKey();
        var before = await factory.Store.CountAsync(ct);

        var report = await (await client.PostJson("/api/admin/replay", new { })).Read<ReplayReport>();

        Assert.Equal(new ReplayReport("csv:churn-bigml-20.csv", 667, 0, 0), report);
        await Eventually.UntilAsync(() => factory.Store.CountAsync(ct), count => count == before + 667, cancellationToken: ct);
        var secondReplay = DateTimeOffset.UtcNow;
        await (await client.PostJson("/api/admin/replay", new { })).Read<ReplayReport>();

        // Once all 667 rows were scored again after the second replay began, they were upserts of the same event ids.
        var since = Uri.EscapeDataString(secondReplay.ToString("O"));
        await Eventually.UntilAsync(async () => (await (await client.Get($"/api/predictions?from={since}&pageSize=1")).Read<PredictionPage>()).Total,
            rescored => rescored == 667, cancellationToken: ct);
        Assert.Equal(before + 667, await factory.Store.CountAsync(ct));
    }

    [Fact]
    public async Task Reload_without_a_new_model_is_unchanged_and_a_broken_model_is_a_422_while_the_old_one_keeps_serving()
    {
        var client = factory.CreateClientWithKey();
        var serving = factory.Models.Current!.Card.Version;

        var unchanged = await (await client.PostJson("/api/admin/model/reload", new { })).Read<ModelSwapResult>();
        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Unchanged, serving), unchanged);

        var model = Path.Combine(factory.Settings.ModelDirectory, "model.onnx");
        var good = await File.ReadAllBytesAsync(model, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(model, "not an onnx graph", TestContext.Current.CancellationToken);
        try
        {
            var refused = await (await client.PostJson("/api/admin/model/reload", new { })).Problem(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("cannot load the graph", refused["detail"]!.GetValue<string>());
            Assert.Equal(serving, refused["servingVersion"]!.GetValue<string>());
            Assert.Equal(serving, (await (await client.Get("/api/model")).Read<Churn.Domain.Models.ModelCard>()).Version);
        }
        finally
        {
            await File.WriteAllBytesAsync(model, good, TestContext.Current.CancellationToken);
        }
    }
}
