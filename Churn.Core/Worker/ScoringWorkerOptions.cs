using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Worker;

/// <summary>The consume loop's settings (section <c>Churn:Scoring</c>).</summary>
public sealed record ScoringWorkerOptions
{
    public const string SectionName = "Churn:Scoring";

    /// <summary>The consumer group of the scoring worker on the embedded transport (Kafka's defaults to the application name).</summary>
    public const string ConsumerGroup = "churn-scoring";

    /// <summary>
    /// Most records in one micro-batch (one ONNX Run, one store write). A batch is what is buffered when the previous
    /// write finishes, so at a steady rate batches stay small (about 12 at 5,000 events/s) and this bound only matters
    /// behind a backlog, where one big write costs a SQLite store much less per record than several small ones: each
    /// commit rewrites every page it touched, and the customer and probability indexes take their inserts at random
    /// places, so a page holds more of a batch's inserts the bigger the batch (max rate: 500 → 2,000 → 5,000 → 10,000
    /// gave 1.00 → 1.28 → 1.43 → 1.46× the events/s in one sitting; 5,000 keeps a backlog's two batches in flight to ~25 MB;
    /// docs/performance.md §16).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; init; } = 5000;

    /// <summary>How long the first Consume of a batch blocks; the rest of the batch is what is already buffered.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>First delay after a failed store write or dead-letter delivery; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest record value read as an event; a larger one is poison ("oversized record"). An event is ~600 bytes.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxEventBytes { get; init; } = 64 * 1024;

    /// <summary>How long one store call (a write, the model registration, the initialisation) may take before it is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed writes of one batch, while the store answers reads, before the batch is bisected to find the record at fault.</summary>
    [Range(1, 100)]
    public int IsolateAfterFailures { get; init; } = 3;

    /// <summary>How long to wait for the dead-letter topic to confirm the deliveries before waiting again (they are never sent twice).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan DeadLetterTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
