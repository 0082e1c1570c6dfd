using Churn.Core.Storage.Sqlite;
using Churn.Testing;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// Checkpoints run on a connection of their own, off the writer's commits, and still keep the WAL file bounded however
/// long the writer writes; with <see cref="SqliteStoreOptions.CheckpointInterval"/> zero, SQLite's own automatic
/// checkpoint (inside a commit) does, as before.
/// </summary>
public sealed class SqliteCheckpointTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int MaxWalPages = 1000;

    [Theory]
    [InlineData(20)]
    [InlineData(0)]
    public async Task A_writer_that_never_pauses_keeps_the_wal_bounded_and_every_prediction_readable(int checkpointIntervalMs)
    {
        using var store = new SqlitePredictionStore(new SqliteStoreOptions
        {
            Path = directory.Combine($"{Guid.NewGuid():N}.db"),
            CheckpointInterval = TimeSpan.FromMilliseconds(checkpointIntervalMs), MaxWalPages = MaxWalPages,
        });
        long largestWal = 0;
        const int Batches = 100, BatchSize = 500; // ~50 MB of WAL if nothing checkpointed

        for (var b = 0; b < Batches; b++)
        {
            await store.UpsertAsync([.. Enumerable.Range(b * BatchSize, BatchSize).Select(i => Prediction($"e{i}"))], Ct);
            largestWal = Math.Max(largestWal, new FileInfo(store.FilePath + "-wal").Length);
        }

        Assert.InRange(largestWal, 1, 4L * MaxWalPages * 4096);
        Assert.Equal(Batches * BatchSize, await store.CountAsync(Ct));
        Assert.Equal(checkpointIntervalMs > 0, store.Checkpointer is { Checkpoints: > 0, Restarts: > 0, Failures: 0 });
    }
}
