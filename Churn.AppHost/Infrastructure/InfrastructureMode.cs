namespace Churn.AppHost.Infrastructure;

/// <summary>Where Kafka and MongoDB come from; decides which resources the AppHost adds.</summary>
public enum InfrastructureMode
{
    /// <summary>A container runtime answers: the AppHost runs Kafka and MongoDB containers.</summary>
    Containers,

    /// <summary>ConnectionStrings:kafka and ConnectionStrings:mongodb point at existing servers.</summary>
    External,

    /// <summary>
    /// ConnectionStrings:kafka points at an existing Kafka and no MongoDB is configured: the services run as separate
    /// processes over Kafka and share the SQLite file under data/ (Scoring writes it, the Api reads it).
    /// </summary>
    ExternalKafka,

    /// <summary>No infrastructure: Churn.Api hosts ingest and scoring in-process over SQLite.</summary>
    Embedded,
}
