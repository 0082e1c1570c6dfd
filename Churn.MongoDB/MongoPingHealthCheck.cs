using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>Runs <c>{ping: 1}</c> on <c>admin</c> through the application's one client, within a timeout.</summary>
internal sealed class MongoPingHealthCheck(IMongoClient client, TimeSpan timeout) : IHealthCheck
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(Ping, cancellationToken: deadline.Token)
                .ConfigureAwait(false);
            return HealthCheckResult.Healthy("MongoDB answered ping.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"MongoDB did not answer ping within {timeout}.");
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"MongoDB ping failed: {ex.Message}", ex);
        }
    }
}
