using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Api;
using Churn.Testing;
using Confluent.Kafka;

namespace Churn.Distributed.Tests;

/// <summary>
/// Dead letters over Kafka, every service its own process: poison produced straight to the customers topic and a row
/// the Ingest job rejects are dead-lettered (by Scoring and by Ingest), recorded by the Scoring process's dead-letter
/// recorder into the shared SQLite file, and listed by the Api (which, on Kafka, runs no recorder of its own).
/// </summary>
public sealed class DeadLettersOverKafkaTests(KafkaCluster cluster)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Poison_and_ingest_rejections_from_separate_processes_appear_through_the_api_with_their_kinds_and_sources()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var topology = await Topology.CreateAsync(cluster);
        using var directory = new TempDirectory();
        await topology.StartScoringAsync();
        var api = await topology.StartApiAsync();

        var produced = Produce(topology.CustomersTopic,
            ("customer-dl-1"u8.ToArray(), "this is not json"u8.ToArray()),
            ("customer-dl-2"u8.ToArray(), """{"schemaVersion":1,"eventId":"e-1"}"""u8.ToArray()),
            ([0xff, 0xfe], "{}"u8.ToArray()));
        var file = directory.Combine("broken.csv");
        File.WriteAllLines(file, [.. File.ReadLines(RepositoryPaths.TestFile).Take(2), "ID,oops,415,No,No,0,159.1,114,27.05,231.3,117,19.66,143.2,91,6.44,8.8,3,2.38,5,True"]);
        var ingest = topology.StartIngest(extra: ("Churn:Ingest:File", file));
        Assert.True(await ingest.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, ingest.Tail());

        using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
        var page = await Eventually.UntilAsync(
            async () => (await http.GetFromJsonAsync<DeadLetterPage>("/api/dead-letters?pageSize=200", Json, TestContext.Current.CancellationToken))!,
            p => p.Total >= 4, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(250),
            $"4 dead letters listed by the Api\n{topology.Tails()}", TestContext.Current.CancellationToken);

        Assert.Equal(4, page.Total);
        Assert.All(page.Items, l => Assert.Equal(topology.DeadLetterTopic, l.Topic));
        var poison = page.Items.Where(l => l.SourceTopic is not null).ToList();
        Assert.All(poison, l => Assert.Equal(topology.CustomersTopic, l.SourceTopic));
        Assert.Equal(produced.Order(), poison.Select(l => (l.SourcePartition!.Value, l.SourceOffset!.Value)).Order());
        var kinds = poison.OrderBy(l => produced.IndexOf((l.SourcePartition!.Value, l.SourceOffset!.Value))).Select(l => l.ReasonKind);
        Assert.Equal(["deserialization failed", "deserialization failed", "undecodable record"], kinds);
        Assert.Equal("this is not json", poison.Single(l => l.Key == "customer-dl-1").Excerpt);
        var rejected = Assert.Single(page.Items, l => l.SourceTopic is null);
        Assert.Equal(("ingest rejected", "csv:broken.csv:3"), (rejected.ReasonKind, rejected.Origin));
        Assert.StartsWith("line 3: Account length", rejected.Reason);
        Assert.Equal([new("deserialization failed", 2), new("ingest rejected", 1), new ReasonKindCount("undecodable record", 1)], page.ByReasonKind);
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
