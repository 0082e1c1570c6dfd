using System.ComponentModel.DataAnnotations;
using Churn.Core.Transport;

namespace Churn.Kafka;

/// <summary>The topics a Kafka host makes sure exist at start (section <see cref="SectionName"/>).</summary>
public sealed record KafkaTopicsOptions
{
    public const string SectionName = "Churn:Kafka:Topics";

    /// <summary>The pipeline's topics: customers and their dead letters.</summary>
    [Required, MinLength(1)]
    public IReadOnlyList<string> Names { get; init; } = [PipelineTopics.Customers, PipelineTopics.DeadLetters];

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
