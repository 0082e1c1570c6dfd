namespace Churn.Testing.Otlp;

/// <summary>One record's trace from ingest to store, with every span of that trace (<see cref="PipelineTraces"/>).</summary>
public sealed record RecordTrace(string EventId, IReadOnlyList<OtlpSpan> Spans, OtlpSpan Ingest, OtlpSpan Send, OtlpSpan Process);
