using System.ComponentModel.DataAnnotations;

namespace Churn.Kafka;

/// <summary>How a Kafka host creates the pipeline's topics (<c>PipelineTopicsOptions</c>) it finds missing at start (section <see cref="SectionName"/>).</summary>
public sealed record KafkaTopicsOptions
{
    public const string SectionName = "Churn:Kafka:Topics";

    /// <summary>Partitions of a topic created here (consumers of one group share them: at most this many are busy).</summary>
    [Range(1, 10_000)]
    public int Partitions { get; init; } = 4;

    /// <summary>Replicas of a topic created here; -1 = the cluster's <c>default.replication.factor</c>.</summary>
    [Range(-1, 32)]
    public short ReplicationFactor { get; init; } = -1;

    /// <summary>How long the metadata request and the creation may take before the host starts anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
