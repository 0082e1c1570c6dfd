using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.Core.Storage.Sqlite;

/// <summary>Healthy when the database file opens and answers a trivial query on a read connection.</summary>
internal sealed class SqliteStoreHealthCheck(SqlitePredictionStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"SQLite store {store.FilePath} answers.")
                : HealthCheckResult.Unhealthy($"SQLite store {store.FilePath} has no predictions table.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"SQLite store {store.FilePath} failed: {ex.Message}", ex);
        }
    }
}
