using Churn.Core.Storage;
using Churn.MongoDB;
using MongoDB.Driver;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// The shadow store contract against a real MongoDB (<c>MONGODB_URI</c>; skipped when unset). Each test gets its own
/// database, unique to this run, dropped afterwards.
/// </summary>
public sealed class MongoShadowPredictionStoreContractTests : ShadowPredictionStoreContract, IAsyncDisposable
{
    private static readonly string RunId = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
    private static int _databases;
    private MongoClient? _client;
    private string? _databaseName;

    protected override async Task<(IPredictionStore Predictions, IShadowPredictionStore Shadow)> OpenStoreAsync()
    {
        Assert.SkipUnless(MongoPredictionStoreContractTests.Uri is not null, MongoPredictionStoreContractTests.SkipReason);
        _client = new MongoClient(MongoPredictionStoreContractTests.Uri);
        _databaseName = $"churn_shadow_test_{RunId}_{Interlocked.Increment(ref _databases)}";
        var store = new MongoPredictionStore(_client.GetDatabase(_databaseName));
        await store.InitializeAsync(Ct);
        return (store, store);
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
