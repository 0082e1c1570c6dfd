using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Challenger;

/// <summary>
/// The shadow challenger (section <c>Churn:Challenger</c>): a second model in its own directory, scored in shadow beside
/// the serving one. Watching, the reload debounce and the ONNX settings are the serving model's (<c>Churn:Model</c>).
/// </summary>
public sealed record ChallengerOptions
{
    public const string SectionName = "Churn:Challenger";

    /// <summary>The default challenger slot, under the serving model's directory.</summary>
    public const string DefaultSlotName = "challenger";

    /// <summary>Load a challenger when the slot holds one. Off: no challenger is ever loaded or scored.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The challenger slot (a directory with <c>model.onnx</c> and <c>model-card.json</c>); resolved against the content
    /// root. Default: <c>challenger</c> under <c>Churn:Model:Directory</c>.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>
    /// Scored batches waiting for the shadow scorer. When it falls this far behind, further batches get no shadow
    /// prediction (counted as dropped): the serving path never waits for the challenger.
    /// </summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; init; } = 64;

    /// <summary>How many of the challenger's most recent shadow predictions the comparison reads.</summary>
    [Range(1, 1_000_000)]
    public int ComparisonWindow { get; init; } = 10_000;

    /// <summary>Deadline of one write of a batch's shadow predictions.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts at writing a batch's shadow predictions before they are given up (counted, logged).</summary>
    [Range(1, 10)]
    public int WriteAttempts { get; init; } = 3;

    /// <summary>Pause after the first failed write; doubles with each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
