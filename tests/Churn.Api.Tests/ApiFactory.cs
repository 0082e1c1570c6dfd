using Churn.Api.Serving;
using Churn.Api.Tests.Doubles;
using Churn.Core.Pipeline;
using Churn.Core.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>
/// The Api in-process (TestServer) over the real SQLite store (a fresh file per fixture) and test doubles of the
/// serving model and ingest.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"churn-api-tests-{Guid.NewGuid():N}.db");

    public const string ApiKey = "test-key-7d1f";
    public const int MaxBatchSize = 50;
    public const int MaxBodyBytes = 64 * 1024;

    public SqlitePredictionStore Store { get; private set; } = null!;
    public SwitchableServingModel Model { get; } = new();
    public RecordingIngest Ingest { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Store = new SqlitePredictionStore(new SqliteStoreOptions { Path = databasePath });
        await Store.InitializeAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Store.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*")) File.Delete(file);
    }

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
