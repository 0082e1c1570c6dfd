using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Testing;

namespace Churn.Core.Tests.Storage;

/// <summary>The store contract against the embedded SQLite store: a fresh file per test in the class's temp directory.</summary>
public sealed class SqlitePredictionStoreContractTests(TempDirectory directory)
    : PredictionStoreContract, IClassFixture<TempDirectory>, IDisposable
{
    private SqlitePredictionStore? _store;

    protected override async Task<IPredictionStore> OpenStoreAsync(TimeProvider time)
    {
        _store = new SqlitePredictionStore(new SqliteStoreOptions { Path = directory.Combine($"{Guid.NewGuid():N}.db") }, time);
        await _store.InitializeAsync(Ct);
        return _store;
    }

    public void Dispose() => _store?.Dispose();
}
