using System.Text;

namespace Churn.AppHost.Tests.Otlp;

/// <summary>A span as exported over OTLP: enough to follow one record's trace across components.</summary>
internal sealed record OtlpSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int KindProducer = 4;
    public const int KindConsumer = 5;

    /// <summary>Parses an ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1).</summary>
    public static List<OtlpSpan> ParseExport(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtoWire(request);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2) ParseResourceSpans(reader.ReadBytes(), spans);
            else reader.Skip(wire);
        }

        return spans;
    }

    private static void ParseResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var service = "";
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                service = ParseAttributes(reader.ReadBytes(), attributesField: 1).GetValueOrDefault("service.name", "");
            }
            else if (field == 2 && wire == 2) ParseScopeSpans(reader.ReadBytes(), service, spans);
            else reader.Skip(wire);
        }
    }

    private static void ParseScopeSpans(ReadOnlySpan<byte> message, string service, List<OtlpSpan> spans)
    {
        var scope = "";
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2) scope = ParseScopeName(reader.ReadBytes());
            else if (field == 2 && wire == 2) spans.Add(ParseSpan(reader.ReadBytes(), service, scope));
            else reader.Skip(wire);
        }
    }

    private static OtlpSpan ParseSpan(ReadOnlySpan<byte> message, string service, string scope)
    {
        string traceId = "", spanId = "", parentId = "", name = "";
        var kind = 0;
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2 when wire == 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4 when wire == 2: parentId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 5 when wire == 2: name = Encoding.UTF8.GetString(reader.ReadBytes()); break;
                case 6 when wire == 0: kind = (int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpSpan(service, scope, traceId, spanId, parentId, name, kind, ParseAttributes(message, attributesField: 9));
    }

    private static string ParseScopeName(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2) return Encoding.UTF8.GetString(reader.ReadBytes());
            reader.Skip(wire);
        }

        return "";
    }

    /// <summary>Reads the repeated KeyValue field of a message; values other than strings are rendered as numbers.</summary>
    private static Dictionary<string, string> ParseAttributes(ReadOnlySpan<byte> message, int attributesField)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field != attributesField || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var pair = new ProtoWire(reader.ReadBytes());
            string key = "", value = "";
            while (pair.TryReadField(out var pairField, out var pairWire))
            {
                if (pairField == 1 && pairWire == 2) key = Encoding.UTF8.GetString(pair.ReadBytes());
                else if (pairField == 2 && pairWire == 2) value = ParseAnyValue(pair.ReadBytes());
                else pair.Skip(pairWire);
            }

            attributes[key] = value;
        }

        return attributes;
    }

    private static string ParseAnyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoWire(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: return Encoding.UTF8.GetString(reader.ReadBytes());
                case 2 or 3 when wire == 0: return reader.ReadVarint().ToString();
                default: reader.Skip(wire); break;
            }
        }

        return "";
    }
}
