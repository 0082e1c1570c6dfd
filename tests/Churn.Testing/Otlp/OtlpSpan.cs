using System.Globalization;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;
using StatusCode = OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode;

namespace Churn.Testing.Otlp;

/// <summary>
/// A span as exported over OTLP, flattened with its resource's service name and its scope: enough to follow one record's
/// trace across components, and the names of its events in order. Ids are lower-case hex ("" for a root span's parent); attribute values are rendered as text.
/// </summary>
public sealed record OtlpSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes, StatusCode StatusCode, string StatusMessage, IReadOnlyList<string> Events)
{
    /// <summary>Decodes an OTLP/HTTP protobuf body: an ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1).</summary>
    public static IReadOnlyList<OtlpSpan> ParseExport(ReadOnlySpan<byte> body) => From(ExportTraceServiceRequest.Parser.ParseFrom(body));

    public static IReadOnlyList<OtlpSpan> From(ExportTraceServiceRequest request) =>
    [
        .. from resourceSpans in request.ResourceSpans
           let service = Render(resourceSpans.Resource?.Attributes ?? []).GetValueOrDefault("service.name", "")
           from scopeSpans in resourceSpans.ScopeSpans
           from span in scopeSpans.Spans
           select new OtlpSpan(service, scopeSpans.Scope?.Name ?? "", Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId),
               span.Name, span.Kind, Render(span.Attributes), span.Status?.Code ?? StatusCode.Unset,
               span.Status?.Message ?? "", [.. span.Events.Select(e => e.Name)]),
    ];

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    private static Dictionary<string, string> Render(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(attribute => attribute.Key, attribute => Render(attribute.Value));

    private static string Render(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToHexStringLower(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Render)) + "]",
        AnyValue.ValueOneofCase.KvlistValue =>
            "{" + string.Join(", ", value.KvlistValue.Values.Select(pair => $"{pair.Key}={Render(pair.Value)}")) + "}",
        _ => "",
    };
}
