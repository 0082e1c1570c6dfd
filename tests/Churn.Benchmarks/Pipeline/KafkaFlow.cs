using System.Diagnostics;
using Churn.Core.Composition;
using Churn.Core.Ingest;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Kafka;
using Churn.Scoring.Extensions;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The distributed flow in one process: a <see cref="KafkaCluster"/> (librdkafka's mock cluster, or
/// <c>KAFKA_BOOTSTRAP_SERVERS</c>), N scoring hosts composed by Churn.Scoring's own <c>AddApplicationServices</c>
/// (<c>AddPipelinePorts</c>, <c>AddKafkaConsumer</c>, <c>AddKafkaProducer</c>, <c>AddKafkaTopics</c>,
/// <c>AddSqlitePredictionStore</c>, <c>AddChurnModel</c>, <c>AddScoringWorker</c>), each its own Confluent consumer in
/// one group, all writing one SQLite file (<c>Churn:Sqlite:Path</c>, as the AppHost's scoring replicas do), and a
/// publisher host composed as the Kafka-side ingest is (<c>AddKafkaProducer</c>, <c>AddKafkaTopics</c>,
/// <c>AddIngestPublishing</c>). Publishing starts once every worker owns partitions, so no rebalance is timed.
/// </summary>
public sealed class KafkaFlow : IPipelineFlow
{
    private static readonly TimeSpan GroupSettleTimeout = TimeSpan.FromSeconds(60);

    private readonly KafkaCluster _cluster;
    private readonly string _topic;
    private readonly string _group;
    private readonly IHost _publisher;
    private readonly IHost[] _scorers;
    private int[][] _assignedAtStart = [];

    private KafkaFlow(KafkaCluster cluster, string topic, string group, IHost publisher, IHost[] scorers)
    {
        (_cluster, _topic, _group, _publisher, _scorers) = (cluster, topic, group, publisher, scorers);
    }

    public static KafkaFlow Create(PipelineRunOptions run, LatencyRecorder recorder)
    {
        var cluster = new KafkaCluster();
        // Created here, so the hosts' provisioners find them (the mock refuses creation; a metadata request creates them).
        var topic = cluster.NewTopic("churn.bench.customers");
        var deadLetters = cluster.NewTopic("churn.bench.customers.dlq");
        var group = KafkaCluster.NewGroup("churn-bench-scoring");
        var settings = cluster.HostSettings(topic, deadLetters, group)
            .Append(new(PipelinePorts.StoreKey, "sqlite")).ToList();
        if (run.FetchWaitMs > 0)
        {
            // librdkafka's fetch.wait.max.ms (default 500). The mock answers an empty fetch only after this wait, even
            // when records arrive meanwhile (a broker answers as soon as they do), so it bounds the mock's added latency.
            settings.Add(new($"{KafkaConsumerOptions.SectionName}:Config:FetchWaitMaxMs",
                run.FetchWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var scorers = Enumerable.Range(0, run.Workers).Select(_ =>
        {
            var builder = PipelineHosts.CreateBuilder("Churn.Scoring", run, settings);
            builder.AddApplicationServices(); // Churn.Scoring's composition
            builder.Services.RecordLatency(recorder);
            return builder.Build();
        }).ToArray();

        var ingest = PipelineHosts.CreateBuilder("Churn.Ingest", run, settings);
        ingest.AddPipelinePorts();
        ingest.AddKafkaProducer(PipelinePorts.KafkaConnectionName);
        ingest.AddKafkaTopics();
        ingest.AddIngestPublishing();
        return new KafkaFlow(cluster, topic, group, ingest.Build(), scorers);
    }

    public string Transport => PipelineRunOptions.Kafka;

    public string Route =>
        $"Kafka ({(_cluster.IsMock ? "librdkafka mock cluster in this process" : "KAFKA_BOOTSTRAP_SERVERS")}, {_cluster.BootstrapServers}) " +
        $"topic {_topic} -> {_scorers.Length} scoring host(s) in group {_group}";

    public IServiceProvider Publisher => _publisher.Services;
    public IReadOnlyList<IServiceProvider> ScoringHosts => [.. _scorers.Select(h => h.Services)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_scorers.Select(h => h.StartAsync(cancellationToken)));
        foreach (var services in ScoringHosts)
        {
            await services.GetRequiredService<IModelSource>().WaitForModelAsync(cancellationToken);
            await services.GetRequiredService<IPredictionStore>().InitializeAsync(cancellationToken);
        }
        await _publisher.StartAsync(cancellationToken);
        _assignedAtStart = await WaitForGroupAsync(cancellationToken);
    }

    public KafkaRunFacts Facts()
    {
        var partitions = _cluster.PartitionCount(_topic);
        using var probe = new ConsumerBuilder<Ignore, Ignore>(_cluster.ConsumerConfig(KafkaCluster.NewGroup("churn-bench-probe"))).Build();
        var dropped = Enumerable.Range(0, partitions)
            .Sum(p => probe.QueryWatermarkOffsets(new TopicPartition(_topic, p), TimeSpan.FromSeconds(10)).Low.Value);
        var assignedNow = Assignments();
        return new KafkaRunFacts(_cluster.IsMock ? "librdkafka mock (in-memory, in this process)" : "KAFKA_BOOTSTRAP_SERVERS",
            _cluster.BootstrapServers, _topic, _group, partitions, _assignedAtStart,
            !assignedNow.Zip(_assignedAtStart).All(pair => pair.First.SequenceEqual(pair.Second)), dropped);
    }

    public async Task StopAsync()
    {
        await _publisher.StopAsync(CancellationToken.None);
        await Task.WhenAll(_scorers.Select(h => h.StopAsync(CancellationToken.None)));
    }

    public ValueTask DisposeAsync()
    {
        _publisher.Dispose();
        foreach (var host in _scorers)
        {
            host.Dispose();
        }
        _cluster.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until every worker owns at least one partition and together they own them all.</summary>
    private async Task<int[][]> WaitForGroupAsync(CancellationToken cancellationToken)
    {
        var partitions = _cluster.PartitionCount(_topic);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var assigned = Assignments();
            if (assigned.All(a => a.Length > 0) && assigned.Sum(a => a.Length) == partitions)
            {
                return assigned;
            }
            if (clock.Elapsed > GroupSettleTimeout)
            {
                throw new TimeoutException($"group {_group} did not settle in {GroupSettleTimeout.TotalSeconds:N0} s: " +
                    string.Join(" | ", assigned.Select(a => $"[{string.Join(',', a)}]")));
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private int[][] Assignments() =>
        [.. ScoringHosts.Select(s => s.GetRequiredService<IConsumer<string, byte[]>>().Assignment
            .Where(tp => tp.Topic == _topic).Select(tp => tp.Partition.Value).Order().ToArray())];
}
