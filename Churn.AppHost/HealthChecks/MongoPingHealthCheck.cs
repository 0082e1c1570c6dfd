using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.AppHost.HealthChecks;

/// <summary>Healthy when MongoDB answers <c>ping</c> with the configured credentials.</summary>
public sealed class MongoPingHealthCheck(ReferenceExpression connectionString) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan ServerSelectionTimeout = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim clientLock = new(1, 1);
    private MongoClient? client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var mongo = await GetClientAsync(cancellationToken);
            await mongo.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("MongoDB answered ping.");
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"MongoDB did not answer ping: {exception.Message}", exception);
        }
    }

    private async Task<MongoClient> GetClientAsync(CancellationToken cancellationToken)
    {
        await clientLock.WaitAsync(cancellationToken);
        try
        {
            if (client is null)
            {
                var settings = MongoClientSettings.FromConnectionString(await connectionString.GetValueAsync(cancellationToken));
                settings.ServerSelectionTimeout = ServerSelectionTimeout;
                settings.ConnectTimeout = ServerSelectionTimeout;
                client = new MongoClient(settings);
            }

            return client;
        }
        finally
        {
            clientLock.Release();
        }
    }

    public void Dispose()
    {
        client?.Dispose();
        clientLock.Dispose();
    }
}
