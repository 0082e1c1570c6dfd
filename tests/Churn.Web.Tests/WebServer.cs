extern alias web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Churn.Web.Tests;

/// <summary>
/// The Web on a loopback Kestrel port, calling the Api at <paramref name="api"/> (null: no <c>ChurnApi:BaseAddress</c>,
/// the Web chooses). Its logs are kept (<see cref="Microsoft.Extensions.Logging.Testing.FakeLogCollector"/>).
/// </summary>
public sealed class WebServer : WebApplicationFactory<web::Program>
{
    private readonly Uri? api;
    private readonly Action<IServiceCollection>? configureServices;

    public WebServer(Uri? api, Action<IServiceCollection>? configureServices = null)
    {
        this.api = api;
        this.configureServices = configureServices;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (api is not null)
        {
            builder.UseSetting("ChurnApi:BaseAddress", api.ToString());
        }
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    public Uri Address => Addresses.Of(this);
}
