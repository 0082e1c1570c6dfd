using System.Diagnostics;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Kafka;
using Churn.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.Transport;

public class TransportRegistrationTests(KafkaCluster cluster)
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            { ApplicationName = "Churn.Scoring", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Fact]
    public void A_missing_kafka_connection_names_both_places_to_configure_it()
    {
        var producer = Assert.Throws<InvalidOperationException>(() => Builder().AddKafkaProducer("kafka"));
        var consumer = Assert.Throws<InvalidOperationException>(() => Builder().AddKafkaConsumer("kafka"));

        Assert.Contains("ConnectionStrings:kafka", producer.Message);
        Assert.Contains("Churn:Kafka:Producer:Config:BootstrapServers", producer.Message);
        Assert.Contains("Churn:Kafka:Consumer:Config:BootstrapServers", consumer.Message);
    }

    [Fact]
    public void The_producer_gets_the_connection_string_the_reliability_defaults_and_configured_overrides()
    {
        var builder = Builder(("ConnectionStrings:kafka", "broker-1:9092"), ("Churn:Kafka:Producer:Config:LingerMs", "50"),
            ("Churn:Kafka:Producer:DisableTracing", "true"));

        builder.AddKafkaProducer("kafka");
        using var services = builder.Services.BuildServiceProvider();
        var settings = services.GetRequiredService<KafkaProducerOptions>();

        Assert.IsType<KafkaEventPublisher>(services.GetRequiredService<IEventPublisher>());
        Assert.Equal("broker-1:9092", settings.Config.BootstrapServers);
        Assert.Equal(50, settings.Config.LingerMs);
        Assert.True(settings.Config.EnableIdempotence);
        Assert.Equal(Acks.All, settings.Config.Acks);
        Assert.Equal(CompressionType.Lz4, settings.Config.CompressionType);
        Assert.True(settings.DisableTracing);
    }

    [Fact]
    public void The_consumer_stores_offsets_by_hand_commits_in_the_background_and_reports_lag()
    {
        var builder = Builder(("ConnectionStrings:kafka", "broker-1:9092"),
            ("Churn:Kafka:Consumer:Config:EnableAutoOffsetStore", "true"));

        builder.AddKafkaConsumer("kafka");
        using var services = builder.Services.BuildServiceProvider();
        var settings = services.GetRequiredService<KafkaConsumerOptions>();

        Assert.False(settings.Config.EnableAutoOffsetStore);   // forced: offsets move only after the durable write
        Assert.True(settings.Config.EnableAutoCommit);
        Assert.Equal(AutoOffsetReset.Earliest, settings.Config.AutoOffsetReset);
        Assert.Equal(PartitionAssignmentStrategy.CooperativeSticky, settings.Config.PartitionAssignmentStrategy);
        Assert.Equal("Churn.Scoring", settings.Config.GroupId);
        Assert.Equal(5000, settings.Config.StatisticsIntervalMs);
        Assert.NotNull(services.GetService<KafkaConsumerLag>());
        Assert.Same(services.GetRequiredService<IEventConsumer>(), services.GetRequiredService<KafkaEventConsumer>());
    }

    [Fact]
    public async Task The_health_check_reports_an_unreachable_broker_as_unhealthy_from_a_metadata_request()
    {
        var builder = Builder(("ConnectionStrings:kafka", "127.0.0.1:1"), ("Churn:Kafka:Producer:HealthCheckTimeout", "00:00:00.500"));
        builder.AddKafkaProducer("kafka");
        await using var services = builder.Services.BuildServiceProvider();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = report.Entries[KafkaExtensions.ProducerHealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("Metadata request failed", entry.Description);
        Assert.Contains("ready", entry.Tags);
    }

    [Fact]
    public async Task The_producer_and_consumer_health_checks_report_healthy_with_the_broker_count_of_a_reachable_cluster()
    {
        var builder = Builder(("ConnectionStrings:kafka", cluster.BootstrapServers));
        builder.AddKafkaProducer("kafka");
        builder.AddKafkaConsumer("kafka");
        await using var services = builder.Services.BuildServiceProvider();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var brokers = cluster.BrokerCount();
        Assert.All(new[] { KafkaExtensions.ProducerHealthCheckName, KafkaExtensions.ConsumerHealthCheckName }, name =>
        {
            var entry = report.Entries[name];
            Assert.True(entry.Status == HealthStatus.Healthy, $"{name}: {entry.Status} {entry.Description}");
            Assert.Equal($"{brokers} broker(s) answered a metadata request.", entry.Description);
            Assert.Contains("ready", entry.Tags);
        });
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public void The_embedded_transport_carries_the_send_spans_context_from_publisher_to_consumer()
    {
        var topic = $"churn.customers.{Guid.NewGuid():N}";
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EmbeddedTransportTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.DisplayName == $"send {topic}") { lock (spans) { spans.Add(a); } } },
        };
        ActivitySource.AddActivityListener(listener);
        var builder = Builder(("Churn:EmbeddedTransport:Partitions", "2"));
        builder.AddEmbeddedTransport();
        using var services = builder.Services.BuildServiceProvider();
        var consumer = services.GetRequiredService<IEventConsumer>();
        consumer.Subscribe(topic);

        services.GetRequiredService<IEventPublisher>().Publish(topic, new EventMessage("customer-1", [1], []), _ => { },
            TestContext.Current.CancellationToken);
        var consumed = consumer.Consume(TimeSpan.FromSeconds(10));

        var send = Assert.Single(spans);
        Assert.NotNull(consumed);
        Assert.Equal(2, services.GetRequiredService<EmbeddedEventLog>().Options.Partitions);
        Assert.Equal(send.Context.TraceId, EventTraceContext.Extract(consumed.Message).TraceId);
        Assert.Equal(send.Context.SpanId, EventTraceContext.Extract(consumed.Message).SpanId);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(consumed.Offset, send.GetTagItem("messaging.kafka.offset"));
    }
}
