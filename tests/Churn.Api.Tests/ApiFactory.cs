using Churn.Api.Serving;
using Churn.Api.Tests.Doubles;
using Churn.Core.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>The Api in-process (TestServer) over test doubles of the store, the serving model and ingest.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-7d1f";
    public const int MaxBatchSize = 50;
    public const int MaxBodyBytes = 64 * 1024;

    public InMemoryPredictionStore Store { get; } = new();
    public SwitchableServingModel Model { get; } = new();
    public RecordingIngest Ingest { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Churn:ApiKey", ApiKey);
        builder.UseSetting("Churn:MaxBatchSize", MaxBatchSize.ToString());
        builder.UseSetting("Churn:MaxRequestBodyBytes", MaxBodyBytes.ToString());
        builder.UseSetting("Churn:FeedPollInterval", "00:00:00.100");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPredictionStore>(Store);
            services.AddSingleton<IServingModel>(Model);
            services.AddSingleton<ICustomerIngest>(Ingest);
        });
    }

    public HttpClient CreateClientWithKey(string key = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
