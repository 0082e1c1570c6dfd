namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// What the Kafka leg of a run looked like: the cluster (the mock, or <c>KAFKA_BOOTSTRAP_SERVERS</c>), the topic and
/// group, each worker's partitions once the group had settled, whether the assignment changed during the run, and
/// how many records the cluster's retention had dropped by the end (the sum of the partitions' low watermarks; on
/// the mock ~5 MB per partition, so a consumer far behind loses data).
/// </summary>
public sealed record KafkaRunFacts(
    string Cluster,
    string BootstrapServers,
    string Topic,
    string Group,
    int Partitions,
    int[][] AssignedPartitions,
    bool RebalancedDuringRun,
    long DroppedByRetention);
