namespace Churn.Core.Composition;

/// <summary>Which event transport a service uses (configuration <c>Churn:Transport</c>).</summary>
public enum TransportKind
{
    /// <summary>The in-process log: ingest, scoring and the Api share one process.</summary>
    Embedded,

    /// <summary>Apache Kafka at <c>ConnectionStrings:kafka</c>.</summary>
    Kafka,
}
