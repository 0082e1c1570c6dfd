using Confluent.Kafka;

namespace Churn.Kafka;

/// <summary>
/// Producer settings, bound from <see cref="SectionName"/> (flags) and <c>{SectionName}:Config</c> (any
/// <see cref="ProducerConfig"/> property, e.g. <c>LingerMs</c>); <c>ConnectionStrings:{name}</c> gives the bootstrap servers.
/// </summary>
public sealed record KafkaProducerOptions
{
    public const string SectionName = "Churn:Kafka:Producer";

    public string? ConnectionString { get; set; }
    public ProducerConfig Config { get; set; } = new();
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait of one publish for space in librdkafka's full local queue (<see cref="KafkaEventPublisher.QueueFullTimeout"/>).</summary>
    public TimeSpan QueueFullTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
