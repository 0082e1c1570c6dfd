namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Kafka and, when configured, MongoDB for the distributed modes (absent in embedded mode). Without MongoDB the
/// prediction store is the SQLite file under data/.
/// </summary>
public sealed record InfrastructureResources(ServerConnection Kafka, ServerConnection? MongoDb);
