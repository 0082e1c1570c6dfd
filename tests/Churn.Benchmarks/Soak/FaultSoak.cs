using System.Diagnostics;
using Churn.Benchmarks.Setup;
using Churn.Core.Transport.Embedded;
using Churn.Testing;
using Churn.Testing.Faults;

namespace Churn.Benchmarks.Soak;

/// <summary>
/// The fault-injection suite (tests/Churn.Core.Tests/Faults) run over and over with consecutive seeds for a while: each
/// run is a fresh pipeline, a new mix of valid events, poison and faults, and the same guarantee checked at its end.
/// Stops at the first seed that breaks it and prints that seed, so it can be replayed with CHURN_FAULT_SEED.
/// </summary>
public static class FaultSoak
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var minutes = options.Double("--minutes", 10);
        var seed = options.Int("--seed", 1);
        var transport = options.String("--transport", "embedded");
        if (transport is not ("embedded" or "kafka"))
        {
            throw new ArgumentException($"--transport must be embedded or kafka, not '{transport}'");
        }
        using var cluster = transport == "kafka" ? new KafkaCluster() : null;
        var clock = Stopwatch.StartNew();
        var runs = 0;
        output.WriteLine($"Fault soak on the {transport} pipeline for {minutes} min from seed {seed}");
        while (clock.Elapsed.TotalMinutes < minutes)
        {
            var started = clock.Elapsed;
            try
            {
                await FaultSuite.RunAsync(cluster is null
                    ? new EmbeddedTestTransport(new EmbeddedTransportOptions { CommitInterval = TimeSpan.FromMilliseconds(300) })
                    : new KafkaTestTransport(cluster), seed, rebalances: cluster is not null);
            }
            catch (Exception e)
            {
                output.WriteLine($"seed {seed} FAILED after {runs} passing runs: {e.Message}");
                return 1;
            }
            runs++;
            output.WriteLine($"seed {seed} passed in {(clock.Elapsed - started).TotalSeconds:0.0} s ({runs} runs, {clock.Elapsed.TotalMinutes:0.0} min)");
            seed++;
        }
        output.WriteLine($"{runs} runs passed (seeds {seed - runs}..{seed - 1}): every valid event stored exactly once, every poison record dead-lettered with its reason, every worker healthy");
        return 0;
    }
}
