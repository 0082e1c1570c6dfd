using Churn.AppHost.HealthChecks;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// A single-node KRaft Kafka in the confluent-local image, configured exactly as Aspire.Hosting.Kafka does:
/// host processes use the <c>tcp</c> endpoint (the connection string), containers use <c>internal</c> on 9093.
/// </summary>
public static class KafkaContainer
{
    public const string ResourceName = "kafka-broker";
    public const string Registry = "docker.io";
    public const string Image = "confluentinc/confluent-local";
    public const string Tag = "8.2.0";
    public const string HostEndpointName = "tcp";
    public const string InternalEndpointName = "internal";
    public const int HostListenerPort = 9092;
    public const int InternalListenerPort = 9093;

    public const string Listeners =
        "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093";

    public const string ListenerSecurityProtocolMap =
        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT";

    public static ServerConnection AddKafkaContainer(this IDistributedApplicationBuilder builder)
    {
        var broker = builder.AddContainer(ResourceName, Image, Tag)
            .WithImageRegistry(Registry)
            .WithEndpoint(targetPort: HostListenerPort, name: HostEndpointName)
            .WithEndpoint(targetPort: InternalListenerPort, name: InternalEndpointName)
            .WithEnvironment("KAFKA_LISTENERS", Listeners)
            .WithEnvironment("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", ListenerSecurityProtocolMap);

        var hostEndpoint = broker.GetEndpoint(HostEndpointName);
        broker.WithEnvironment("KAFKA_ADVERTISED_LISTENERS", ReferenceExpression.Create(
            $"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{hostEndpoint.Property(EndpointProperty.Port)},PLAINTEXT_INTERNAL://{ResourceName}:9093"));

        var bootstrapServers = ReferenceExpression.Create($"{hostEndpoint.Property(EndpointProperty.HostAndPort)}");
        broker.WithReadinessCheck(new KafkaMetadataHealthCheck(bootstrapServers));

        var connectionString = builder.AddConnectionString(ConnectionNames.Kafka, bootstrapServers);
        return new ServerConnection(connectionString, broker);
    }
}
