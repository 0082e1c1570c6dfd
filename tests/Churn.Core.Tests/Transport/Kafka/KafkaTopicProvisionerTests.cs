using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Churn.Core.Tests.Transport.Kafka;

/// <summary>
/// <see cref="KafkaTopicProvisioner"/> as a host registers it (<c>AddKafkaProducer</c> + <c>AddKafkaTopics</c>) on the
/// <see cref="KafkaCluster"/> fixture. Whether a topic exists is read from a listing of all the cluster's topics:
/// asking for one topic by name would make the mock create it and prove nothing.
/// </summary>
public sealed class KafkaTopicProvisionerTests(KafkaCluster cluster)
{
    [Fact]
    public async Task On_a_cluster_that_refuses_admin_creation_the_host_starts_warns_and_the_topics_then_exist()
    {
        Assert.SkipUnless(cluster.IsMock, "Only librdkafka's mock cluster refuses CreateTopics; a real cluster creates them.");
        var (customers, deadLetters) = (FreshName("churn.customers"), FreshName("churn.dead-letters"));
        Assert.DoesNotContain(customers, ListedTopics().Keys);

        var logs = await StartAndStopHost(customers, deadLetters);

        var refused = Assert.Single(logs, r => r.Level == LogLevel.Warning);
        Assert.Contains("did not create the topics", refused.Message);
        Assert.Contains($"{customers}, {deadLetters}", refused.Message);
        Assert.Equal(2, logs.Count(r => r.Level == LogLevel.Information && r.Message.Contains("exists after a metadata request")));
        var topics = ListedTopics();
        Assert.True(topics.GetValueOrDefault(customers) > 0, $"{customers} is not listed with partitions");
        Assert.True(topics.GetValueOrDefault(deadLetters) > 0, $"{deadLetters} is not listed with partitions");
    }

    [Fact]
    public async Task With_the_topics_present_the_host_logs_that_they_exist_and_creates_nothing()
    {
        var (customers, deadLetters) = (cluster.NewTopic("churn.customers"), cluster.NewTopic("churn.dead-letters"));
        var partitionsBefore = (cluster.PartitionCount(customers), cluster.PartitionCount(deadLetters));

        var logs = await StartAndStopHost(customers, deadLetters);

        var present = Assert.Single(logs);
        Assert.Equal(LogLevel.Information, present.Level);
        Assert.Equal($"Kafka topics {customers}, {deadLetters} exist", present.Message);
        Assert.Equal(partitionsBefore, (cluster.PartitionCount(customers), cluster.PartitionCount(deadLetters)));
    }

    [Fact]
    public async Task When_the_cluster_neither_creates_the_topics_nor_creates_them_automatically_the_host_warns_that_each_is_missing()
    {
        Assert.SkipUnless(cluster.IsMock, "Only librdkafka's mock cluster refuses CreateTopics; a real cluster creates them.");
        var (customers, deadLetters) = (FreshName("churn.customers"), FreshName("churn.dead-letters"));

        // A producer that does not ask for automatic creation gets what a cluster without it answers: unknown topic.
        var logs = await StartAndStopHost(customers, deadLetters, ("Churn:Kafka:Producer:Config:AllowAutoCreateTopics", "false"));

        var warnings = logs.Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("did not create the topics", warnings[0]);
        Assert.All(new[] { customers, deadLetters }, topic =>
            Assert.Single(warnings, w => w.StartsWith($"Kafka topic {topic} does not exist", StringComparison.Ordinal)));
        Assert.DoesNotContain(customers, ListedTopics().Keys);
    }

    /// <summary>Starts a Kafka host with the given topic names (and settings) and returns what the provisioner logged.</summary>
    private async Task<IReadOnlyList<FakeLogRecord>> StartAndStopHost(string customers, string deadLetters,
        params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            { ApplicationName = "Churn.Ingest", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = cluster.BootstrapServers,
            ["Churn:Topics:Customers"] = customers,
            ["Churn:Topics:DeadLetters"] = deadLetters,
            ["Churn:Kafka:Topics:Timeout"] = "00:00:02",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.AddFakeLogging();
        builder.AddKafkaProducer("kafka");
        builder.AddKafkaTopics();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        return host.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Category == typeof(KafkaTopicProvisioner).FullName).ToList();
    }

    /// <summary>Every topic of the cluster with its partition count, from one all-topics metadata request.</summary>
    private Dictionary<string, int> ListedTopics()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        return admin.GetMetadata(KafkaWire.Deadline).Topics.Where(t => !t.Error.IsError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count);
    }

    private static string FreshName(string prefix) => $"{prefix}.{Guid.NewGuid():N}";
}
