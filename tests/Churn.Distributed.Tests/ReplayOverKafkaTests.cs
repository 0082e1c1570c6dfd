using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// The distributed topology as separate processes over Kafka: Churn.Ingest replays the test file into the customers
/// topic and exits, Churn.Scoring consumes it and writes the SQLite file.
/// </summary>
public sealed class ReplayOverKafkaTests(KafkaCluster cluster)
{
    [Fact]
    public async Task The_replayed_test_file_is_stored_exactly_once_per_row_and_a_second_replay_changes_no_count()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var topology = await Topology.CreateAsync(cluster);
        await topology.StartScoringAsync();

        await topology.ReplayTestFileAsync();
        await topology.WaitForStoredAsync(TestFileEvents.Rows);
        await TestFileEvents.AssertStoredExactlyAsync(topology);

        var replayed = DateTimeOffset.UtcNow;
        await topology.ReplayTestFileAsync();
        await Eventually.UntilAsync(async () => (await topology.Store.AllAsync()).Count(p => p.ScoredAt >= replayed),
            rescored => rescored == TestFileEvents.Rows, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200),
            "every row scored again by the second replay", TestContext.Current.CancellationToken);
        await TestFileEvents.AssertStoredExactlyAsync(topology);
    }
}
