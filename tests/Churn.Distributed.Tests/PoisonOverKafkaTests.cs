using System.Text;
using Churn.Core.Ingest;
using Churn.Domain.Events;
using Churn.Testing;
using Confluent.Kafka;

namespace Churn.Distributed.Tests;

/// <summary>Raw bytes produced straight to the customers topic, as a broken or hostile producer would.</summary>
public sealed class PoisonOverKafkaTests(KafkaCluster cluster)
{
    [Fact]
    public async Task Each_poison_record_lands_in_the_dead_letter_topic_with_its_reason_and_source_and_the_records_after_it_are_scored()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var topology = await Topology.CreateAsync(cluster);
        await topology.StartScoringAsync();
        var valid = CustomerEventJson.Serialize(new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read()
            .First().Event! with { EventId = "poison-neighbour" });

        var produced = Produce(topology.CustomersTopic,
            ("customer-p1"u8.ToArray(), "this is not json"u8.ToArray()),
            ("customer-p2"u8.ToArray(), """{"schemaVersion":1,"eventId":"e-1"}"""u8.ToArray()),
            ([0xff, 0xfe, 0xfd], valid));
        await topology.ReplayTestFileAsync();

        await topology.WaitForStoredAsync(TestFileEvents.Rows);
        await TestFileEvents.AssertStoredExactlyAsync(topology);
        var letters = DeadLetterTopic.Read(cluster, topology.DeadLetterTopic, count: 3, TimeSpan.FromSeconds(60));
        Assert.Equal(3, letters.Count);
        Assert.All(letters, letter => Assert.Equal(topology.CustomersTopic, letter.SourceTopic));
        Assert.Equal(produced.Order(), letters.Select(l => (l.SourcePartition, l.SourceOffset)).Order());
        var reasons = letters.OrderBy(l => produced.IndexOf((l.SourcePartition, l.SourceOffset))).Select(l => l.Reason).ToList();
        Assert.StartsWith("deserialization failed: invalid JSON", reasons[0]);
        Assert.StartsWith("deserialization failed: invalid JSON", reasons[1]);
        Assert.Contains("required", reasons[1]);
        Assert.StartsWith("undecodable record:", reasons[2]);
        Assert.Equal("this is not json", Encoding.UTF8.GetString(letters.Single(l => l.Reason == reasons[0]).Value));
    }

    private List<(int Partition, long Offset)> Produce(string topic, params (byte[] Key, byte[] Value)[] records)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(cluster.ProducerConfig()).Build();
        var positions = new List<(int, long)>();
        foreach (var (key, value) in records)
        {
            var result = producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = key, Value = value }).GetAwaiter().GetResult();
            positions.Add((result.Partition.Value, result.Offset.Value));
        }
        return positions;
    }
}
