using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Testing;

namespace Churn.Core.Tests.Storage;

/// <summary>The shadow store contract against the SQLite store: a fresh file per test in the class's temp directory.</summary>
public sealed class SqliteShadowPredictionStoreContractTests(TempDirectory directory)
    : ShadowPredictionStoreContract, IClassFixture<TempDirectory>, IDisposable
{
    private SqlitePredictionStore? _store;

    protected override async Task<(IPredictionStore Predictions, IShadowPredictionStore Shadow)> OpenStoreAsync()
    {
        _store = new SqlitePredictionStore(new SqliteStoreOptions { Path = directory.Combine($"{Guid.NewGuid():N}.db") });
        await _store.InitializeAsync(Ct);
        return (_store, _store);
    }

    public void Dispose() => _store?.Dispose();
}
