extern alias web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Churn.Web.Tests;

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
