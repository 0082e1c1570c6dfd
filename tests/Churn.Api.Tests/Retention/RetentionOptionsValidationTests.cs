using Churn.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Churn.Api.Tests.Retention;

/// <summary>Economics that make no sense stop the Api at start, naming the key and the rule (not a 500 on the first campaign).</summary>
public sealed class RetentionOptionsValidationTests
{
    [Theory]
    [InlineData("CustomerValue", "0", "between 0 exclusive and 1000000000")]
    [InlineData("CustomerValue", "-600", "between 0 exclusive and 1000000000")]
    [InlineData("OfferCost", "-1", "between 0 and 1000000000")]
    [InlineData("AcceptanceRate", "0", "between 0 exclusive and 1")]
    [InlineData("AcceptanceRate", "1.5", "between 0 exclusive and 1")]
    [InlineData("MaxCampaignSize", "0", "between 1 and 100000")]
    public async Task An_invalid_retention_setting_stops_the_api_at_start_naming_it(string key, string value, string rule)
    {
        // The Api's own composition, started directly: WebApplicationFactory may surface a failed start of a minimal-hosting
        // app as an ObjectDisposedException of its deferred host instead of the start's own exception.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Churn:Ingest:Mode"] = "None", ["ConnectionStrings:kafka"] = "", [$"Churn:Retention:{key}"] = value,
        });
        builder.AddApplicationServices();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public async Task The_economics_of_a_deployment_are_read_from_its_configuration()
    {
        await using var factory = new ConfiguredApiFactory(new()
        {
            ["Churn:Retention:CustomerValue"] = "900", ["Churn:Retention:OfferCost"] = "45", ["Churn:Retention:AcceptanceRate"] = "0.25",
        });
        await factory.InitializeAsync();

        var curve = await (await factory.CreateClient().Get("/api/model/profit-curve")).Read<Churn.Domain.Api.ProfitCurveResponse>();

        Assert.Equal(new Churn.Domain.Retention.RetentionEconomics(900, 45, 0.25), curve.Economics);
        Assert.Equal(0.2, curve.Thresholds.Single(t => t.Name == "break-even").Threshold, 12);
    }
}
