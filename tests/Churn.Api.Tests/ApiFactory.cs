using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>
/// The Api in-process (TestServer) with its real embedded composition: the Trainer's model served by the
/// <see cref="ModelProvider"/>, the in-process transport, the scoring worker and a fresh SQLite store per fixture.
/// No test double: a published customer is scored by the worker and stored, as in production. The rate limits are
/// raised out of the way here (every test class shares one TestServer client address); <see cref="LimitedApiFactory"/>
/// tests them at their real size, with a client address per test client (<see cref="ClientAddress"/>).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "test-key-7d1f";
    public const int MaxBatchSize = 50;
    public const int MaxBodyBytes = 64 * 1024;

    public EmbeddedApiSettings Settings { get; } = new();

    /// <summary>False: the model directory starts empty (no model serving).</summary>
    protected virtual bool StartWithModel => true;

    /// <summary>Configuration a derived factory adds on top of the shared test settings.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    public IPredictionStore Store => Services.GetRequiredService<IPredictionStore>();

    public ModelProvider Models => Services.GetRequiredService<ModelProvider>();

    public virtual async ValueTask InitializeAsync() => await Settings.PrepareAsync(StartWithModel);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Settings.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            configuration.AddInMemoryCollection(Settings.Configuration(ApiKey));
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Churn:MaxBatchSize"] = MaxBatchSize.ToString(),
                ["Churn:MaxRequestBodyBytes"] = MaxBodyBytes.ToString(),
                ["Churn:RateLimits:Score:TokenLimit"] = "1000000",
                ["Churn:RateLimits:Score:TokensPerPeriod"] = "1000000",
                ["Churn:RateLimits:ScoreWithApiKey:TokenLimit"] = "1000000",
                ["Churn:RateLimits:ScoreWithApiKey:TokensPerPeriod"] = "1000000",
                ["Churn:RateLimits:AnonymousMaxBatchSize"] = MaxBatchSize.ToString(),
                ["Churn:StatsCacheDuration"] = "00:00:00",
            });
            configuration.AddInMemoryCollection(ExtraSettings);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress.StartupFilter>());
    }

    public HttpClient CreateClientWithKey(string key = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A client the Api sees at <paramref name="address"/> (its rate-limit partition without a key).</summary>
    public HttpClient CreateClientAt(string address, string? key = null)
    {
        var client = key is null ? CreateClient() : CreateClientWithKey(key);
        client.DefaultRequestHeaders.Add(ClientAddress.HeaderName, address);
        return client;
    }
}
