using Churn.Core.Storage;
using Churn.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Web.Tests;

/// <summary>
/// The Api on a loopback Kestrel port with its real embedded composition: the Trainer's model, the in-process
/// transport, the scoring worker and a fresh SQLite store.
/// </summary>
public sealed class ApiServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "web-tests-key";
    private readonly IReadOnlyDictionary<string, string?> extra;

    public EmbeddedApiSettings Settings { get; } = new();

    /// <param name="settings">Configuration on top of the shared test settings.</param>
    public ApiServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        extra = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
    }

    public IPredictionStore Store => Services.GetRequiredService<IPredictionStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            configuration.AddInMemoryCollection(Settings.Configuration(ApiKey));
            // The browser tests compare the dashboard's tiles with the store at once: no stats cache (the Api tests cover it).
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Churn:StatsCacheDuration"] = "00:00:00" });
            configuration.AddInMemoryCollection(extra);
        });

    public Uri Address => Addresses.Of(this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Settings.Dispose();
    }
}
