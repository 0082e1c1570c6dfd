using Churn.Core.Transport.Embedded;
using Churn.Testing.Faults;
using Churn.Testing;

namespace Churn.Core.Tests.Faults;

/// <summary>
/// The delivery guarantee under a seeded mix of faults (docs/pipeline.md, "Failure classes"): valid events with later
/// versions, every poison class, a record the store refuses and one it cannot write, transient and long store outages,
/// workers crashed without commit and restarted, model swaps valid and broken, and on Kafka rebalances. The seed is
/// fixed for CI; run another by hand with CHURN_FAULT_SEED=n.
/// </summary>
public sealed class FaultInjectionTests(KafkaCluster cluster)
{
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CHURN_FAULT_SEED"), out var seed) ? seed : 20261201;

    [Fact]
    public async Task The_embedded_pipeline_keeps_every_valid_event_exactly_once_and_dead_letters_exactly_the_poison()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await FaultSuite.RunAsync(new EmbeddedTestTransport(new EmbeddedTransportOptions { CommitInterval = TimeSpan.FromMilliseconds(300) }),
            Seed, rebalances: false);
    }

    [Fact]
    public async Task The_pipeline_over_kafka_keeps_every_valid_event_exactly_once_through_rebalances_and_dead_letters_exactly_the_poison()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await FaultSuite.RunAsync(new KafkaTestTransport(cluster), Seed, rebalances: true);
    }
}
