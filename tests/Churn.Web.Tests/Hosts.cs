extern alias web;
using Churn.Api.Serving;
using Churn.Api.Tests.Doubles;
using Churn.Core.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Web.Tests;

/// <summary>The Api on a loopback Kestrel port.</summary>
public sealed class ApiServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "web-tests-key";
    public InMemoryPredictionStore Store { get; } = new();
    public SwitchableServingModel Model { get; } = new();

    public ApiServer() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Churn:ApiKey", ApiKey);
        builder.UseSetting("Churn:FeedPollInterval", "00:00:00.200");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPredictionStore>(Store);
            services.AddSingleton<IServingModel>(Model);
            services.AddSingleton<ICustomerIngest>(new ScoreAndStoreIngest(Store, Model));
        });
    }

    public Uri Address => Addresses.Of(this);
}

/// <summary>The Web on a loopback Kestrel port, calling the Api at <paramref name="api"/>.</summary>
public sealed class WebServer : WebApplicationFactory<web::Program>
{
    private readonly Uri api;

    public WebServer(Uri api)
    {
        this.api = api;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ChurnApi:BaseAddress", api.ToString());
    }

    public Uri Address => Addresses.Of(this);
}

internal static class Addresses
{
    public static Uri Of<T>(WebApplicationFactory<T> factory) where T : class
    {
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }
}
