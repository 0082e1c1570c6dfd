using Confluent.Kafka;

namespace Churn.Kafka;

/// <summary>Consumer settings, bound like <see cref="KafkaProducerOptions"/> from <see cref="SectionName"/>.</summary>
public sealed record KafkaConsumerOptions
{
    public const string SectionName = "Churn:Kafka:Consumer";

    public string? ConnectionString { get; set; }
    public ConsumerConfig Config { get; set; } = new();
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
