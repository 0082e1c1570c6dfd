using Churn.Domain.Customers;

namespace Churn.Domain.Events;

/// <summary>
/// The event that travels on the stream (topic <c>churn.customers</c>), serialized as JSON with a source-generated
/// context. <see cref="EventId"/> is stable for replays: a CSV row's id derives from the file's identity and line number,
/// so replaying a file upserts the same predictions instead of adding new ones.
/// </summary>
public sealed record CustomerEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string EventId { get; init; }
    public required string CustomerId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Where the event came from, e.g. <c>csv:churn-bigml-20.csv</c>, <c>synthetic</c>, <c>api</c>.</summary>
    public required string Source { get; init; }
    /// <summary>The 19 features and, when known, the actual label (<see cref="CustomerRecord.Churn"/>).</summary>
    public required CustomerRecord Customer { get; init; }
}
