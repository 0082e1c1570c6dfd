using System.ComponentModel;

namespace Churn.Domain.DeadLetters;

/// <summary>
/// One record of the dead-letter topic as the dead-letter recorder stored it: where it sits in that topic (its identity:
/// recording it again changes nothing), why it was dead-lettered, where it came from, and a safe excerpt of its value.
/// Every text is printable (control and format characters replaced) and bounded; the value's raw bytes are never kept.
/// </summary>
public sealed record DeadLetter
{
    [Description("The dead-letter topic.")]
    public required string Topic { get; init; }

    [Description("Partition of the dead-letter topic.")]
    public required int Partition { get; init; }

    [Description("Offset in that partition.")]
    public required long Offset { get; init; }

    [Description("The reason's text before its first ':' (e.g. 'deserialization failed', 'store rejected'); 'ingest rejected' for an input ingest refused; 'unknown' without a dlq-reason header.")]
    public required string ReasonKind { get; init; }

    [Description("The dlq-reason header (at most 1,000 characters).")]
    public required string Reason { get; init; }

    [Description("Topic of the poison record (dlq-source-topic); null for an ingest rejection.")]
    public string? SourceTopic { get; init; }

    [Description("Its partition (dlq-source-partition).")]
    public int? SourcePartition { get; init; }

    [Description("Its offset (dlq-source-offset).")]
    public long? SourceOffset { get; init; }

    [Description("Where ingest read a rejected input (dlq-source, e.g. csv:churn-bigml-20.csv:7).")]
    public string? Origin { get; init; }

    [Description("The record's key (at most 128 characters).")]
    public required string Key { get; init; }

    [Description("The first 200 characters of the value read as UTF-8, control characters replaced, '…' when cut.")]
    public required string Excerpt { get; init; }

    [Description("Size of the value in bytes (of the original record, for an envelope).")]
    public required int ValueBytes { get; init; }

    [Description("True when the record was too large for the dead-letter topic and an envelope with a prefix of it was sent instead.")]
    public bool Envelope { get; init; }

    [Description("When it was written to the dead-letter topic (the record's timestamp), else when it was recorded.")]
    public required DateTimeOffset DeadLetteredAt { get; init; }
}
