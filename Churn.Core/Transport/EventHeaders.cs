namespace Churn.Core.Transport;

/// <summary>Names of the message headers the pipeline writes and reads (besides W3C trace context).</summary>
public static class EventHeaders
{
    public const string ContentType = "content-type";
    public const string SchemaVersion = "schema-version";
    /// <summary>When ingest published the event (ISO 8601, round-trip format).</summary>
    public const string IngestedAt = "ingested-at";

    public const string DlqReason = "dlq-reason";
    public const string DlqSourceTopic = "dlq-source-topic";
    public const string DlqSourcePartition = "dlq-source-partition";
    public const string DlqSourceOffset = "dlq-source-offset";
}
