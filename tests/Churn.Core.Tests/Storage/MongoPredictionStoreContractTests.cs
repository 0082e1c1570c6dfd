using Churn.Core.Storage;
using Churn.MongoDB;
using MongoDB.Driver;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// The store contract against a real MongoDB (<c>MONGODB_URI</c>; skipped when unset). Each test gets its own database,
/// unique to this run, dropped afterwards.
/// </summary>
public sealed class MongoPredictionStoreContractTests : PredictionStoreContract, IAsyncDisposable
{
    public const string SkipReason = "MONGODB_URI is not set";
    private static readonly string RunId = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
    private static int _databases;
    private MongoClient? _client;
    private string? _databaseName;

    public static string? Uri => Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;

    protected override async Task<IPredictionStore> OpenStoreAsync(TimeProvider time)
    {
        Assert.SkipUnless(Uri is not null, SkipReason);
        _client = new MongoClient(Uri);
        _databaseName = $"churn_test_{RunId}_{Interlocked.Increment(ref _databases)}";
        var store = new MongoPredictionStore(_client.GetDatabase(_databaseName), time);
        await store.InitializeAsync(Ct);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_databaseName, CancellationToken.None);
            _client.Dispose();
        }
    }
}
