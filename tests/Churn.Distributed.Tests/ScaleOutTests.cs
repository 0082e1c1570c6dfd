using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// Scoring scaled out: several Churn.Scoring processes in one consumer group share the customers topic's partitions.
/// A member that crashes or leaves hands its partitions over, and the store still ends with every row exactly once.
/// </summary>
public sealed class ScaleOutTests(KafkaCluster cluster)
{
    private const int Partitions = 4;
    private static readonly TimeSpan Rebalance = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_worker_killed_mid_stream_hands_its_partitions_to_the_other_and_nothing_is_lost_or_duplicated()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var topology = await Topology.CreateAsync(cluster);
        var first = await topology.StartScoringAsync();
        var second = await topology.StartScoringAsync();
        await OwnAsync(topology, [first, second], Partitions);

        var ingest = topology.StartIngest(rate: 100);
        await topology.WaitForStoredAsync(150);
        Assert.NotEmpty(Assignment.Current(first, topology.CustomersTopic));
        first.Kill();   // SIGKILL: no Close, nothing more committed; its uncommitted records are read again

        await Eventually.UntilAsync(() => Task.FromResult(Assignment.Current(second, topology.CustomersTopic).Count),
            owned => owned == Partitions, Rebalance, TimeSpan.FromMilliseconds(200),
            "the surviving worker owning every partition", TestContext.Current.CancellationToken);
        Assert.Equal(0, await ingest.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        await topology.WaitForStoredAsync(TestFileEvents.Rows);
        await TestFileEvents.AssertStoredExactlyAsync(topology);
    }

    [Fact]
    public async Task A_rebalance_while_records_flow_a_worker_joining_and_one_leaving_keeps_the_exact_final_state()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var topology = await Topology.CreateAsync(cluster);
        var first = await topology.StartScoringAsync();
        var second = await topology.StartScoringAsync();
        await OwnAsync(topology, [first, second], Partitions);

        var ingest = topology.StartIngest(rate: 100);
        await topology.WaitForStoredAsync(150);
        var third = await topology.StartScoringAsync();
        await Eventually.UntilAsync(() => Task.FromResult(Assignment.Current(third, topology.CustomersTopic).Count),
            owned => owned > 0, Rebalance, TimeSpan.FromMilliseconds(200), "the joining worker owning partitions",
            TestContext.Current.CancellationToken);

        Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(30)));   // SIGTERM: closes, commits, leaves
        Assert.Contains(first.Lines, line => line.Contains("Partitions revoked", StringComparison.Ordinal));
        await OwnAsync(topology, [second, third], Partitions);

        Assert.Equal(0, await ingest.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        await topology.WaitForStoredAsync(TestFileEvents.Rows);
        await TestFileEvents.AssertStoredExactlyAsync(topology);
    }

    /// <summary>Waits until the workers own every partition between them, each at least one.</summary>
    private static Task OwnAsync(Topology topology, ServiceProcess[] workers, int partitions) =>
        Eventually.UntilAsync(
            () => Task.FromResult(workers.Select(w => Assignment.Current(w, topology.CustomersTopic)).ToList()),
            owned => owned.All(o => o.Count > 0) && owned.Sum(o => o.Count) == partitions
                && owned.SelectMany(o => o).Distinct().Count() == partitions,
            Rebalance, TimeSpan.FromMilliseconds(200), "the workers sharing every partition\n" + topology.Tails(),
            TestContext.Current.CancellationToken);
}
