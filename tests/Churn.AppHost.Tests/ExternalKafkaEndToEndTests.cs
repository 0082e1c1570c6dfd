using System.Net.Http.Json;
using System.Text.Json;
using Churn.Testing;

namespace Churn.AppHost.Tests;

/// <summary>
/// The whole system started by the AppHost with only a Kafka connection string (here the address of librdkafka's mock
/// cluster, a real Kafka when KAFKA_BOOTSTRAP_SERVERS is set): ingest, two scoring replicas, the Api and the Web as
/// separate processes over Kafka, sharing one SQLite file.
/// </summary>
public class ExternalKafkaEndToEndTests
{
    private const string ApiKey = "end-to-end-key";
    private const int TestFileRows = 667;

    /// <summary>On a fresh clone the Trainer trains first (~30 s) before the services start.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan ScoringTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task With_only_kafka_configured_the_replayed_test_file_reaches_the_api_and_the_web_through_two_scoring_replicas()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var ct = TestContext.Current.CancellationToken;
        using var cluster = new KafkaCluster();
        using var directory = Churn.Testing.TempDirectory.WithPrefix("churn-e2e-kafka-");
        var topics = cluster.HostSettings(cluster.NewTopic("churn.customers"), cluster.NewTopic("churn.customers.dlq"),
            KafkaCluster.NewGroup("churn-scoring"));

        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Churn_AppHost>(
            [$"--ConnectionStrings:kafka={cluster.BootstrapServers}", $"--Parameters:api-key={ApiKey}",
             "--Churn:ApiPort=0", "--Churn:WebPort=0"], ct);
        foreach (var service in new[] { "ingest", "scoring", "api" })
        {
            var project = appHost.CreateResourceBuilder<ProjectResource>(service)
                .WithEnvironment("Churn__Sqlite__Path", directory.Combine("churn.db"));   // not the developer's data/churn.db
            foreach (var (key, value) in topics.Where(setting => setting.Key.StartsWith("Churn:", StringComparison.Ordinal)))
            {
                project.WithEnvironment(key.Replace(":", "__"), value);
            }
        }

        await using var app = await appHost.BuildAsync(ct).WaitAsync(StartTimeout, ct);
        await app.StartAsync(ct).WaitAsync(StartTimeout, ct);
        var ingest = await app.ResourceNotifications.WaitForResourceAsync("ingest",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished, ct).WaitAsync(StartTimeout, ct);
        Assert.Equal(0, ingest.Snapshot.ExitCode);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", ct).WaitAsync(StartTimeout, ct);
        using var api = app.CreateHttpClient("api", "http");

        Assert.Equal(TestFileRows, await Eventually.UntilAsync(() => StoredTotalAsync(api, ct), total => total >= TestFileRows,
            ScoringTimeout, TimeSpan.FromMilliseconds(250), "the replay stored through Kafka", ct));
        Assert.Equal(2, await RunningReplicasAsync(app, "scoring", ct));

        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", ct).WaitAsync(StartTimeout, ct);
        using var web = app.CreateHttpClient("web", "http");
        Assert.Contains($"id=\"tile-total\">{TestFileRows}<", await web.GetStringAsync("/", ct));
    }

    private static async Task<long> StoredTotalAsync(HttpClient api, CancellationToken ct) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/stats", ct)).GetProperty("total").GetInt64();

    /// <summary>How many instances of <paramref name="name"/> the orchestrator reports running (replicas have their own ids).</summary>
    private static async Task<int> RunningReplicasAsync(DistributedApplication app, string name, CancellationToken ct)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(ct);
        watch.CancelAfter(TimeSpan.FromSeconds(30));
        var running = new HashSet<string>();
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(watch.Token))
            {
                if (update.Resource.Name != name) continue;
                if (update.Snapshot.State?.Text == KnownResourceStates.Running) running.Add(update.ResourceId);
                else running.Remove(update.ResourceId);
                if (running.Count >= 2) break;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Report what was seen.
        }
        return running.Count;
    }
}
