using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Churn.Testing;

/// <summary>
/// A Kafka cluster for tests. By default librdkafka's mock cluster: three brokers speaking the real Kafka protocol on
/// 127.0.0.1, created inside this process by a holder client with <c>test.mock.num.brokers</c> and reachable from any
/// process at <see cref="BootstrapServers"/> until <see cref="Dispose"/>. When <c>KAFKA_BOOTSTRAP_SERVERS</c> is set,
/// that real cluster instead. Either way a test uses its own topics and groups (<see cref="NewTopic"/>,
/// <see cref="NewGroup"/>), so tests never see each other's records. A test fixture only: no runtime mode uses the mock.
/// </summary>
public sealed class KafkaCluster : IDisposable
{
    public const string BootstrapVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>Short enough that a member that crashed (or left) hands its partitions over in seconds, not 45.</summary>
    public const int SessionTimeoutMs = 6000;
    public const int HeartbeatIntervalMs = 500;

    private readonly IAdminClient? _holder;

    public KafkaCluster()
    {
        var external = Environment.GetEnvironmentVariable(BootstrapVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            BootstrapServers = external;
            return;
        }
        var config = new AdminClientConfig { BootstrapServers = "127.0.0.1:1" }; // replaced by the mock's brokers
        config.Set("test.mock.num.brokers", "3");
        _holder = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        var brokers = _holder.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;
        BootstrapServers = string.Join(",", brokers.Select(b => $"{b.Host}:{b.Port}"));
        IsMock = true;
    }

    public string BootstrapServers { get; }

    /// <summary>True for librdkafka's mock cluster (no admin topic creation, ~5 MB retained per partition).</summary>
    public bool IsMock { get; }

    /// <summary>A topic only this test uses, existing with <paramref name="partitions"/> partitions (4 on the mock).</summary>
    public string NewTopic(string prefix = "churn.test", int partitions = 4)
    {
        var topic = $"{prefix}.{Guid.NewGuid():N}";
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        if (IsMock)
        {
            // The mock has no controller to create topics; a metadata request creates one with 4 partitions.
            admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        }
        else
        {
            admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }])
                .GetAwaiter().GetResult();
        }
        return topic;
    }

    public static string NewGroup(string prefix = "churn-test") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>How many partitions <paramref name="topic"/> has.</summary>
    public int PartitionCount(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
    }

    /// <summary>How many brokers the cluster's metadata lists (3 on the mock).</summary>
    public int BrokerCount()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        return admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Count;
    }

    public ProducerConfig ProducerConfig() => new() { BootstrapServers = BootstrapServers };

    public ConsumerConfig ConsumerConfig(string groupId) => new()
    {
        BootstrapServers = BootstrapServers,
        GroupId = groupId,
        SessionTimeoutMs = SessionTimeoutMs,
        HeartbeatIntervalMs = HeartbeatIntervalMs,
    };

    /// <summary>
    /// Configuration for a Churn host on this cluster (its own topics and group): the Kafka transport, the test session
    /// timeouts, and a short topic-creation timeout (the mock refuses creation; a real cluster answers at once).
    /// </summary>
    public IReadOnlyDictionary<string, string?> HostSettings(string customersTopic, string deadLetterTopic, string groupId) =>
        new Dictionary<string, string?>
        {
            ["Churn:Transport"] = "kafka",
            ["ConnectionStrings:kafka"] = BootstrapServers,
            ["Churn:Topics:Customers"] = customersTopic,
            ["Churn:Topics:DeadLetters"] = deadLetterTopic,
            ["Churn:Kafka:Consumer:Config:GroupId"] = groupId,
            ["Churn:Kafka:Consumer:Config:SessionTimeoutMs"] = SessionTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Churn:Kafka:Consumer:Config:HeartbeatIntervalMs"] = HeartbeatIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Churn:Kafka:Topics:Timeout"] = "00:00:02",
        };

    public void Dispose() => _holder?.Dispose();
}
