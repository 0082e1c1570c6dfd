using Confluent.Kafka;

namespace Churn.Core.Transport.Kafka;

/// <summary>
/// Producer settings, bound from <see cref="SectionName"/> (flags) and <c>{SectionName}:Config</c> (any
/// <see cref="ProducerConfig"/> property, e.g. <c>LingerMs</c>); <c>ConnectionStrings:{name}</c> gives the bootstrap servers.
/// </summary>
public sealed record KafkaProducerSettings
{
    public const string SectionName = "Churn:Kafka:Producer";

    public string? ConnectionString { get; set; }
    public ProducerConfig Config { get; set; } = new();
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Consumer settings, bound like <see cref="KafkaProducerSettings"/> from <see cref="SectionName"/>.</summary>
public sealed record KafkaConsumerSettings
{
    public const string SectionName = "Churn:Kafka:Consumer";

    public string? ConnectionString { get; set; }
    public ConsumerConfig Config { get; set; } = new();
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }
    public bool DisableMetrics { get; set; }
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
