namespace Churn.AppHost.Tests;

/// <summary>The economics are per deployment: what the AppHost is configured with reaches the Api, and nothing else is invented.</summary>
public sealed class RetentionEconomicsTests
{
    [Fact]
    public async Task The_retention_keys_given_to_the_apphost_reach_the_api_and_unset_ones_keep_its_defaults()
    {
        await using var builder = await AppModel.CreateAsync("--Churn:Mode=embedded",
            "--Churn:Retention:CustomerValue=900", "--Churn:Retention:AcceptanceRate=0.25");

        var api = await builder.Single<ProjectResource>("api").EnvironmentAsync();
        var web = await builder.Single<ProjectResource>("web").EnvironmentAsync();

        Assert.Equal("900", api["Churn__Retention__CustomerValue"]);
        Assert.Equal("0.25", api["Churn__Retention__AcceptanceRate"]);
        Assert.DoesNotContain("Churn__Retention__OfferCost", api.Keys);
        Assert.DoesNotContain(web.Keys, key => key.StartsWith("Churn__Retention__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_retention_keys_the_api_gets_none_and_runs_on_its_defaults()
    {
        await using var builder = await AppModel.CreateAsync("--Churn:Mode=embedded");

        var api = await builder.Single<ProjectResource>("api").EnvironmentAsync();

        Assert.DoesNotContain(api.Keys, key => key.StartsWith("Churn__Retention__", StringComparison.Ordinal));
    }
}
