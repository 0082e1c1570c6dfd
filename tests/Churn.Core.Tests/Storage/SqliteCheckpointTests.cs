using Churn.Core.Storage.Sqlite;
using Churn.Testing;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// Checkpoints run on a connection of their own beside the writer's commits, and the WAL file stays bounded however long
/// the writer writes without a pause; with <see cref="SqliteStoreOptions.CheckpointInterval"/> zero, SQLite's own
/// automatic checkpoint (inside a commit) alone does.
/// </summary>
public sealed class SqliteCheckpointTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(20)]
    [InlineData(0)]
    public async Task A_writer_that_never_pauses_keeps_the_wal_bounded_and_every_prediction_readable(int checkpointIntervalMs)
    {
        using var store = new SqlitePredictionStore(new SqliteStoreOptions
        {
            Path = directory.Combine($"{Guid.NewGuid():N}.db"),
            CheckpointInterval = TimeSpan.FromMilliseconds(checkpointIntervalMs),
        });
        long largestWal = 0;
        const int Batches = 100, BatchSize = 500; // ~50 MB of WAL if nothing checkpointed

        for (var b = 0; b < Batches; b++)
        {
            await store.UpsertAsync([.. Enumerable.Range(b * BatchSize, BatchSize).Select(i => Prediction($"e{i}"))], Ct);
            largestWal = Math.Max(largestWal, new FileInfo(store.FilePath + "-wal").Length);
        }

        Assert.InRange(largestWal, 1, 16L * 1024 * 1024); // SQLite's 1,000 pages and a batch, with room for one that overran
        Assert.Equal(Batches * BatchSize, await store.CountAsync(Ct));
        Assert.Equal(checkpointIntervalMs > 0, store.Checkpointer is { Checkpoints: > 0, Failures: 0 });
    }
}
