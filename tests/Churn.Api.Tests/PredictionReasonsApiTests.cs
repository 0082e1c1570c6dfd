using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>A customer published to the Api is scored by the pipeline; every endpoint that returns its prediction returns
/// the reasons computed at scoring time, with the method, in the documented wire format.</summary>
public sealed class PredictionReasonsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_prediction_endpoint_returns_the_reasons_the_served_model_computed_when_it_scored_the_customer()
    {
        var customer = TestCustomers.Typical(serviceCalls: 6, dayMinutes: 300, intlPlan: true);
        var client = factory.CreateClientWithKey();
        var request = new CustomerBatchRequest { Customers = [CustomerInput.From(customer, customerId: "reasons-api-1")] };
        var eventId = (await (await client.PostJson("/api/customers", request)).Read<PublishedCustomers>(HttpStatusCode.Accepted)).EventIds[0];
        await Eventually.OkAsync(client, $"/api/predictions/{eventId}");
        var served = ModelCandidate.LoadServing(factory.Settings.ModelDirectory, new ModelOptions { Directory = factory.Settings.ModelDirectory });
        using var scorer = served.Scorer as IDisposable;
        var expected = served.Explainer!.Explain(customer);

        JsonNode[] returned =
        [
            await Body($"/api/predictions/{eventId}"),
            (await Body("/api/customers/reasons-api-1/predictions"))[0]!,
            (await Body("/api/predictions?sort=ProbabilityDesc&pageSize=200"))["items"]!.AsArray().Single(p => p!["eventId"]!.GetValue<string>() == eventId)!,
        ];

        Assert.All(returned, prediction =>
        {
            var reasons = prediction["reasons"]!;
            Assert.Equal("tree-path", reasons["method"]!.GetValue<string>());
            Assert.Equal(["feature", "value", "contribution"], reasons["top"]![0]!.AsObject().Select(p => p.Key));
            Assert.Equal(expected, reasons.Deserialize<PredictionReasons>(Json.Options));
        });
        // This customer is a likely churner: its largest reason raises the risk.
        Assert.True(expected.Top[0].Contribution > 0, $"top reason {expected.Top[0]}");

        async Task<JsonNode> Body(string url) =>
            JsonNode.Parse(await (await client.Get(url)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
