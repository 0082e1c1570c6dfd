extern alias web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ChurnApiAddress = web::Churn.Web.Services.ChurnApiAddress;
using LiveFeedProxy = web::Churn.Web.Services.LiveFeedProxy;

namespace Churn.Web.Tests;

/// <summary>
/// Where the Web looks for the Api: <c>ChurnApi:BaseAddress</c> when set, service discovery when the AppHost configured
/// it (<c>services__api__http__0</c>), else the Api's local address — and it says which at start.
/// </summary>
public sealed class ApiAddressTests
{
    [Fact]
    public async Task Started_without_any_configuration_the_web_calls_the_api_at_localhost_5101_and_logs_why()
    {
        await using var web = new WebServer(api: null);
        _ = web.Address; // started

        var clients = web.Services.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(new Uri("http://localhost:5101/"), clients.CreateClient("ChurnApiClient").BaseAddress);
        Assert.Equal(new Uri("http://localhost:5101/"), clients.CreateClient(LiveFeedProxy.ClientName).BaseAddress);
        var logged = Assert.Single(web.Services.GetFakeLogCollector().GetSnapshot(), r => r.Message.StartsWith("The Web reaches the Api"));
        Assert.Equal(
            "The Web reaches the Api at http://localhost:5101/ (neither ChurnApi:BaseAddress nor service discovery (services:api:*) is configured: the Api's local default)",
            logged.Message);
    }

    [Fact]
    public void With_the_apphosts_service_discovery_entries_the_web_uses_service_discovery()
    {
        var address = ChurnApiAddress.From(Configuration(("services:api:http:0", "http://localhost:41234")));

        Assert.Equal(new Uri("https+http://api"), address.BaseAddress);
        Assert.Equal("service discovery knows the Api (services:api:* is configured)", address.Reason);
    }

    [Fact]
    public void An_explicit_base_address_wins_over_service_discovery()
    {
        var address = ChurnApiAddress.From(Configuration(
            ("services:api:http:0", "http://localhost:41234"), ("ChurnApi:BaseAddress", "http://api.example:8080")));

        Assert.Equal(new Uri("http://api.example:8080"), address.BaseAddress);
    }

    [Fact]
    public void Without_either_the_web_uses_the_apis_local_address()
    {
        Assert.Equal(new Uri("http://localhost:5101"), ChurnApiAddress.From(Configuration()).BaseAddress);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
