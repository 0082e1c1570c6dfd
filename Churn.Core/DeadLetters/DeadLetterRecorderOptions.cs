using System.ComponentModel.DataAnnotations;

namespace Churn.Core.DeadLetters;

/// <summary>The dead-letter recorder's settings (section <see cref="SectionName"/>).</summary>
public sealed record DeadLetterRecorderOptions
{
    public const string SectionName = "Churn:DeadLetters";
    public const string DefaultConsumerGroup = "churn-dead-letters";

    /// <summary>Its own consumer group on the dead-letter topic, so it never competes with an operator's reader or the scoring worker.</summary>
    [Required]
    public string ConsumerGroup { get; init; } = DefaultConsumerGroup;

    /// <summary>Most dead letters in one store write.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>How long the first read of a batch waits.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First delay after a failed store write; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one store write may take before it is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
