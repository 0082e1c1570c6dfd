namespace Churn.AppHost.Infrastructure;

/// <summary>Kafka and MongoDB for the distributed modes; absent in embedded mode.</summary>
public sealed record InfrastructureResources(ServerConnection Kafka, ServerConnection MongoDb);
