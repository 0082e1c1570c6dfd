using Churn.Domain.Events;

namespace Churn.Core.Ingest;

/// <summary>
/// One input for <see cref="IngestPublisher"/>: a <see cref="CustomerEvent"/>, or an input that already failed the
/// customer contract (a bad CSV row) with its raw text and reason. <see cref="Origin"/> says where it came from, e.g.
/// <c>csv:churn-bigml-20.csv:7</c>.
/// </summary>
public sealed record IngestItem
{
    public required string Origin { get; init; }
    public CustomerEvent? Event { get; init; }
    public string? Raw { get; init; }
    public string? RejectionReason { get; init; }
    /// <summary>Low-cardinality rejection tag for metrics: the first failing column, or <c>row</c>.</summary>
    public string? RejectionKind { get; init; }

    public static IngestItem For(CustomerEvent e, string origin) => new() { Origin = origin, Event = e };

    public static IngestItem Rejected(string origin, string raw, string reason, string kind) =>
        new() { Origin = origin, Raw = raw, RejectionReason = reason, RejectionKind = kind };
}
