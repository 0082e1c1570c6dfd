using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;

namespace Churn.Testing.Otlp;

/// <summary>Groups exported spans into traces and keeps those that follow one record from ingest to store.</summary>
public static class PipelineTraces
{
    public const string EventIdAttribute = "churn.event_id";

    /// <summary>
    /// The event ids whose trace is complete: a root <c>ingest</c> span (carrying the event id) → a Producer span
    /// (send) → a Consumer span (process) → <c>score</c> and <c>store</c> spans, every one with the same trace id and
    /// each the child of the one before (docs/pipeline.md, "One trace per CSV row").
    /// </summary>
    public static IReadOnlySet<string> CompleteRecords(IEnumerable<OtlpSpan> spans) =>
        spans.GroupBy(span => span.TraceId)
            .Select(trace => CompleteRecord(trace.ToList()))
            .OfType<string>()
            .ToHashSet();

    private static string? CompleteRecord(List<OtlpSpan> trace)
    {
        var ingest = trace.FirstOrDefault(s => s.Name == "ingest" && s.ParentSpanId.Length == 0);
        if (ingest is null || !ingest.Attributes.TryGetValue(EventIdAttribute, out var eventId)) return null;
        var send = Child(trace, ingest, s => s.Kind == SpanKind.Producer);
        var process = send is null ? null : Child(trace, send, s => s.Kind == SpanKind.Consumer);
        if (process is null) return null;
        var scored = Child(trace, process, s => s.Name == "score") is not null;
        var stored = Child(trace, process, s => s.Name == "store") is not null;
        return scored && stored ? eventId : null;
    }

    private static OtlpSpan? Child(List<OtlpSpan> trace, OtlpSpan parent, Func<OtlpSpan, bool> match) =>
        trace.FirstOrDefault(s => s.ParentSpanId == parent.SpanId && match(s));
}
