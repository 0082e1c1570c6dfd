using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;

namespace Churn.Testing.Otlp;

/// <summary>Groups exported spans into traces and keeps those that follow one record from ingest to store.</summary>
public static class PipelineTraces
{
    public const string EventIdAttribute = "churn.event_id";

    /// <summary>The event ids whose trace is complete (<see cref="CompleteTraces"/>).</summary>
    public static IReadOnlySet<string> CompleteRecords(IEnumerable<OtlpSpan> spans) =>
        CompleteTraces(spans).Select(trace => trace.EventId).ToHashSet();

    /// <summary>
    /// The traces that follow one record all the way: an <c>ingest</c> span (carrying the event id; the root for a
    /// replayed row, a child of the request for a customer posted to the Api) → a Producer span (send) → a Consumer span
    /// (process) whose events say the record was <c>scored</c> and then <c>stored</c>, every span with the same trace id and
    /// each the child of the one before (docs/pipeline.md, "One trace per CSV row").
    /// </summary>
    public static IReadOnlyList<RecordTrace> CompleteTraces(IEnumerable<OtlpSpan> spans) =>
        [.. spans.GroupBy(span => span.TraceId).SelectMany(trace => Complete(trace.ToList()))];

    private static IEnumerable<RecordTrace> Complete(List<OtlpSpan> trace)
    {
        foreach (var ingest in trace.Where(s => s.Name == "ingest"))
        {
            if (!ingest.Attributes.TryGetValue(EventIdAttribute, out var eventId)) continue;
            var send = Child(trace, ingest, s => s.Kind == SpanKind.Producer);
            var process = send is null ? null : Child(trace, send, s => s.Kind == SpanKind.Consumer);
            if (process is not null && process.Events.SkipWhile(e => e != "scored").Contains("stored"))
            {
                yield return new RecordTrace(eventId, trace, ingest, send!, process);
            }
        }
    }

    private static OtlpSpan? Child(List<OtlpSpan> trace, OtlpSpan parent, Func<OtlpSpan, bool> match) =>
        trace.FirstOrDefault(s => s.ParentSpanId == parent.SpanId && match(s));
}
