using Churn.Core.Storage.Sqlite;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>
/// A page's total is counted once per filter and reused: never past a write of this store (exact in one process), and
/// for at most <see cref="SqliteStoreOptions.TotalsMaxAge"/> when another process writes the file.
/// </summary>
public sealed class SqliteQueryTotalsTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly PredictionQuery InCalifornia = new() { State = "CA", PageSize = 1 };

    private readonly FakeTimeProvider _time = new(Now);

    private SqlitePredictionStore NewStore(TimeSpan? maxAge = null) => new(new SqliteStoreOptions
    {
        Path = directory.Combine($"{Guid.NewGuid():N}.db"), TotalsMaxAge = maxAge ?? TimeSpan.FromSeconds(1),
    }, _time);

    [Fact]
    public async Task A_write_of_this_store_is_in_the_next_total_at_once()
    {
        using var store = NewStore();
        await store.UpsertAsync([Prediction("e1"), Prediction("e2")], Ct);
        Assert.Equal(2, (await store.QueryAsync(InCalifornia, Ct)).Total);

        await store.UpsertAsync([Prediction("e3")], Ct);

        Assert.Equal(3, (await store.QueryAsync(InCalifornia, Ct)).Total);
        Assert.Equal(3, (await store.QueryAsync(InCalifornia with { Page = 2 }, Ct)).Total);
    }

    [Fact]
    public async Task Another_process_writes_are_in_the_total_once_it_is_older_than_the_maximum_age()
    {
        using var store = NewStore();
        await store.UpsertAsync([Prediction("e1"), Prediction("e2")], Ct);
        Assert.Equal(2, (await store.QueryAsync(InCalifornia, Ct)).Total);

        CopyRowAsAnotherWriter(store.FilePath, "e1", "e9"); // the Scoring service writing the file the Api reads
        _time.Advance(TimeSpan.FromMilliseconds(900));
        var withinAge = await store.QueryAsync(InCalifornia, Ct);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var pastAge = await store.QueryAsync(InCalifornia, Ct);

        Assert.Equal((2, 3), (withinAge.Total, pastAge.Total));
        Assert.Equal(3, (await store.QueryAsync(new PredictionQuery { State = "CA", PageSize = 50 }, Ct)).Items.Count);
    }

    [Fact]
    public async Task Each_filter_has_its_own_total_and_a_zero_maximum_age_counts_every_query()
    {
        using var cached = NewStore();
        using var counting = NewStore(TimeSpan.Zero);
        foreach (var store in new[] { cached, counting })
        {
            await store.UpsertAsync([Prediction("e1", state: "CA"), Prediction("e2", state: "NY"), Prediction("e3", state: "NY")], Ct);
            Assert.Equal((1, 2), ((await store.QueryAsync(InCalifornia, Ct)).Total, (await store.QueryAsync(InCalifornia with { State = "NY" }, Ct)).Total));
            CopyRowAsAnotherWriter(store.FilePath, "e1", "e9");
        }

        Assert.Equal(1, (await cached.QueryAsync(InCalifornia, Ct)).Total);
        Assert.Equal(2, (await counting.QueryAsync(InCalifornia, Ct)).Total);
    }

    /// <summary>Inserts a copy of <paramref name="eventId"/> as <paramref name="newId"/> through a connection of its own.</summary>
    private static void CopyRowAsAnotherWriter(string file, string eventId, string newId)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TEMP TABLE copy AS SELECT * FROM predictions WHERE event_id = $id;
            UPDATE copy SET event_id = $new;
            INSERT INTO predictions SELECT * FROM copy;
            """;
        command.Parameters.AddWithValue("$id", eventId);
        command.Parameters.AddWithValue("$new", newId);
        command.ExecuteNonQuery();
    }
}
