using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>
/// The Api in-process (TestServer) with its real embedded composition: the Trainer's model served by the
/// <see cref="ModelProvider"/>, the in-process transport, the scoring worker and a fresh SQLite store per fixture.
/// No test double: a published customer is scored by the worker and stored, as in production.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "test-key-7d1f";
    public const int MaxBatchSize = 50;
    public const int MaxBodyBytes = 64 * 1024;

    public EmbeddedApiSettings Settings { get; } = new();

    /// <summary>False: the model directory starts empty (no model serving).</summary>
    protected virtual bool StartWithModel => true;

    public IPredictionStore Store => Services.GetRequiredService<IPredictionStore>();

    public ModelProvider Models => Services.GetRequiredService<ModelProvider>();

    public async ValueTask InitializeAsync() => await Settings.PrepareAsync(StartWithModel);

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
            });
        });
    }

    public HttpClient CreateClientWithKey(string key = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
