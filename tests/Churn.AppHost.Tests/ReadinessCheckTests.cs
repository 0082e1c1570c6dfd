using System.Net;
using System.Net.Sockets;
using Churn.AppHost.HealthChecks;
using Churn.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Churn.AppHost.Tests;

/// <summary>
/// The AppHost-side readiness checks against a port where nothing listens: they must report Unhealthy with the
/// reason (so WaitFor keeps waiting and the dashboard says why), never throw. The healthy legs need a real server:
/// Kafka's runs on every run against the <see cref="KafkaCluster"/> fixture (librdkafka's mock cluster, or
/// KAFKA_BOOTSTRAP_SERVERS); MongoDB's runs when MONGODB_URI is set.
/// </summary>
public class ReadinessCheckTests(KafkaCluster cluster)
{
    [Fact]
    public async Task Kafka_check_is_unhealthy_with_the_reason_when_no_broker_answers()
    {
        var address = $"127.0.0.1:{ClosedPort()}";
        var check = new KafkaMetadataHealthCheck(ReferenceExpression.Create($"{address}"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"No metadata from {address}:", result.Description);
    }

    [Fact]
    public async Task Mongo_check_is_unhealthy_with_the_reason_when_no_server_answers()
    {
        using var check = new MongoPingHealthCheck(ReferenceExpression.Create($"mongodb://127.0.0.1:{ClosedPort().ToString()}/churn"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("MongoDB did not answer ping:", result.Description);
    }

    [Fact]
    public async Task Kafka_check_is_healthy_with_the_broker_count_against_a_cluster_speaking_the_kafka_protocol()
    {
        var check = new KafkaMetadataHealthCheck(ReferenceExpression.Create($"{cluster.BootstrapServers}"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal($"{cluster.BrokerCount()} broker(s) answered at {cluster.BootstrapServers}.", result.Description);
    }

    [Fact]
    public async Task Mongo_check_is_healthy_against_a_real_server()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(uri), "MONGODB_URI is not set: no MongoDB to check against.");
        using var check = new MongoPingHealthCheck(ReferenceExpression.Create($"{uri}"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
