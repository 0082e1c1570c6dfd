using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Testing;

namespace Churn.Core.Tests.Storage;

/// <summary>The dead-letter store contract against the SQLite store: a fresh file per test in the class's temp directory.</summary>
public sealed class SqliteDeadLetterStoreContractTests(TempDirectory directory)
    : DeadLetterStoreContract, IClassFixture<TempDirectory>, IDisposable
{
    private SqlitePredictionStore? _store;

    protected override async Task<IDeadLetterStore> OpenStoreAsync()
    {
        _store = new SqlitePredictionStore(new SqliteStoreOptions { Path = directory.Combine($"{Guid.NewGuid():N}.db") });
        await _store.InitializeAsync(Ct);
        return _store;
    }

    public void Dispose() => _store?.Dispose();
}
