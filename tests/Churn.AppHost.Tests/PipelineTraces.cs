using Churn.AppHost.Tests.Otlp;

namespace Churn.AppHost.Tests;

/// <summary>Groups exported spans into traces and keeps those that cover one record from ingest to store.</summary>
internal static class PipelineTraces
{
    /// <summary>
    /// A complete record trace holds a Producer span (publish), a Consumer span (process) whose ancestry reaches
    /// that publish span, and a store span under the process span (a span carrying db.system or db.system.name),
    /// all with one trace id.
    /// </summary>
    public static IReadOnlyList<string> Complete(IEnumerable<OtlpSpan> spans) =>
        [.. spans.GroupBy(span => span.TraceId).Where(IsCompleteRecordTrace).Select(trace => trace.Key)];

    private static bool IsCompleteRecordTrace(IEnumerable<OtlpSpan> trace)
    {
        var byId = trace.GroupBy(span => span.SpanId).ToDictionary(group => group.Key, group => group.First());
        var publishes = byId.Values.Where(span => span.Kind == OtlpSpan.KindProducer).ToList();
        var processes = byId.Values.Where(span => span.Kind == OtlpSpan.KindConsumer).ToList();
        var stores = byId.Values.Where(span => span.Attributes.ContainsKey("db.system") || span.Attributes.ContainsKey("db.system.name"));

        return processes.Any(process =>
            publishes.Any(publish => Descends(process, publish, byId))
            && stores.Any(store => Descends(store, process, byId)));
    }

    private static bool Descends(OtlpSpan span, OtlpSpan ancestor, Dictionary<string, OtlpSpan> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
