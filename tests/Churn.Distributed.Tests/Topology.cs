using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// One test's distributed deployment: its own topics and consumer group on the shared Kafka cluster, its own SQLite
/// file, the Trainer's model, and the service processes it started (killed at the end if still running).
/// </summary>
public sealed class Topology : IAsyncDisposable
{
    public const string ApiKey = "distributed-test-key";

    private readonly KafkaCluster _cluster;
    private readonly TempDirectory _directory = TempDirectory.WithPrefix("churn-distributed-");
    private readonly List<ServiceProcess> _processes = [];

    private Topology(KafkaCluster cluster, string? modelDirectory)
    {
        _cluster = cluster;
        ModelDirectory = modelDirectory ?? _directory.Combine("model");
        CustomersTopic = cluster.NewTopic("churn.customers");
        DeadLetterTopic = cluster.NewTopic("churn.customers.dlq");
        Store = new StoredPredictions(DatabasePath);
    }

    public string CustomersTopic { get; }
    public string DeadLetterTopic { get; }
    public string ScoringGroup { get; } = KafkaCluster.NewGroup("churn-scoring");
    public string DeadLetterGroup { get; } = KafkaCluster.NewGroup("churn-dead-letters");
    public string ModelDirectory { get; }
    public string DatabasePath => _directory.Combine("churn.db");
    public StoredPredictions Store { get; }
    public KafkaCluster Cluster => _cluster;

    public static async Task<Topology> CreateAsync(KafkaCluster cluster) => new(cluster, await TrainedModel.EnsureAsync());

    /// <summary>
    /// A deployment with its own copy of the Trainer's model and, in its challenger slot (<c>challenger</c> under the
    /// model directory, shared by every process as the AppHost shares it), <see cref="TrainedChallenger"/>'s model.
    /// </summary>
    public static async Task<Topology> CreateWithChallengerAsync(KafkaCluster cluster)
    {
        var trained = await TrainedModel.EnsureAsync();
        var topology = new Topology(cluster, modelDirectory: null);
        Directory.CreateDirectory(topology.ModelDirectory);
        foreach (var file in new[] { "model.onnx", Domain.Models.ModelCardJson.FileName })
        {
            File.Copy(Path.Combine(trained, file), Path.Combine(topology.ModelDirectory, file));
        }
        await TrainedChallenger.CopyToAsync(Path.Combine(topology.ModelDirectory, "challenger"));
        return topology;
    }

    /// <summary>What every service of this deployment is configured with (the AppHost sets the same keys).</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(_cluster.HostSettings(CustomersTopic, DeadLetterTopic, ScoringGroup))
        {
            ["Churn:Store"] = "sqlite",
            ["Churn:Sqlite:Path"] = DatabasePath,
            ["Churn:Model:Directory"] = ModelDirectory,
            ["Churn:Model:Watch"] = "false",
            ["Churn:DataDirectory"] = RepositoryPaths.DataDirectory,
            ["Churn:DeadLetters:ConsumerGroup"] = DeadLetterGroup,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A scoring process (one more member of the scoring group), once it is ready.</summary>
    public async Task<ServiceProcess> StartScoringAsync(params (string Key, string? Value)[] extra) =>
        Track(await ServiceProcess.StartReadyAsync("Churn.Scoring", Settings(extra)));

    /// <summary>The ingest job replaying the test file into the customers topic at <paramref name="rate"/> events/s (0: at once).</summary>
    public ServiceProcess StartIngest(double rate = 0, params (string Key, string? Value)[] extra) =>
        Track(ServiceProcess.Start("Churn.Ingest", Settings([
            ("Churn:Ingest:Mode", "Csv"),
            ("Churn:Ingest:File", RepositoryPaths.TestFile),
            ("Churn:Ingest:Rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Churn:Ingest:StopHostWhenDone", "true"),
            .. extra,
        ])));

    /// <summary>The Api over this deployment: reads the SQLite file, publishes POST /api/customers to Kafka.</summary>
    public async Task<ServiceProcess> StartApiAsync(params (string Key, string? Value)[] extra) =>
        Track(await ServiceProcess.StartReadyAsync("Churn.Api", Settings([("Churn:ApiKey", ApiKey), ("Churn:Ingest:Mode", "None"), .. extra])));

    /// <summary>Replays the test file once and waits for the job to exit successfully.</summary>
    public async Task ReplayTestFileAsync(double rate = 0)
    {
        var ingest = StartIngest(rate);
        Assert.True(await ingest.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, ingest.Tail());
    }

    /// <summary>Waits until <paramref name="count"/> predictions are stored.</summary>
    public Task<long> WaitForStoredAsync(long count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(Store.CountAsync, stored => stored >= count, timeout ?? TimeSpan.FromMinutes(2),
            TimeSpan.FromMilliseconds(200), $"{count} predictions stored in {DatabasePath}\n{Tails()}");

    public string Tails() => string.Join('\n', _processes.Select(p => p.Tail(25)));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
        _directory.Dispose();
    }

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }
}
