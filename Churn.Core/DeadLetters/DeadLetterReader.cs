using System.Globalization;
using System.Text;
using System.Text.Json;
using Churn.Core.Ingest;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Churn.Domain.DeadLetters;

namespace Churn.Core.DeadLetters;

/// <summary>
/// Turns a record of the dead-letter topic into the <see cref="DeadLetter"/> the recorder stores, whatever it holds:
/// the worker's dead letters (<c>dlq-reason</c> and <c>dlq-source-topic|partition|offset</c>), its envelopes for
/// records too large (<c>dlq-envelope: true</c>, the original's prefix in the JSON body), ingest's rejections
/// (<c>dlq-reason</c>, <c>dlq-source</c>), and anything else a producer put there: a header that is missing or does not
/// parse is left empty, never a reason not to record. Every text is made printable and bounded; never throws.
/// </summary>
public static class DeadLetterReader
{
    public const int ExcerptLength = 200;
    public const int MaxReasonLength = 1000;
    public const int MaxKindLength = 64;
    public const int MaxKeyLength = 128;
    public const int MaxNameLength = 256;

    /// <summary>The kind of an input ingest refused (its reasons start with the CSV line, not a kind).</summary>
    public const string IngestRejectedKind = "ingest rejected";

    /// <summary>The kind of a record without a <c>dlq-reason</c> header.</summary>
    public const string UnknownKind = "unknown";

    public static DeadLetter Read(ConsumedEvent record, DateTimeOffset recordedAt)
    {
        var message = record.Message;
        var reason = message.Header(EventHeaders.DlqReason);
        var sourceTopic = message.Header(EventHeaders.DlqSourceTopic);
        var origin = message.Header(IngestPublisher.DlqSource);
        var envelope = message.Header(DeadLetterPublisher.EnvelopeHeader) == "true";
        var (value, valueBytes) = envelope && Unwrap(message.Value) is { } original ? original : (message.Value, message.Value.Length);
        var at = record.Timestamp ?? recordedAt;
        return new DeadLetter
        {
            Topic = Printable(record.Topic, MaxNameLength),
            Partition = record.Partition,
            Offset = record.Offset,
            ReasonKind = reason is null ? UnknownKind
                : sourceTopic is null && origin is not null ? IngestRejectedKind
                : KindOf(reason),
            Reason = reason is null
                ? $"no {EventHeaders.DlqReason} header" + (record.PoisonReason is { } poison ? $"; undecodable: {Printable(poison, 200)}" : "")
                : Printable(reason, MaxReasonLength),
            SourceTopic = sourceTopic is null ? null : Printable(sourceTopic, MaxNameLength),
            SourcePartition = int.TryParse(message.Header(EventHeaders.DlqSourcePartition), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
            SourceOffset = long.TryParse(message.Header(EventHeaders.DlqSourceOffset), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null,
            Origin = origin is null ? null : Printable(origin, MaxNameLength),
            Key = Printable(message.Key, MaxKeyLength),
            Excerpt = Excerpt(value, valueBytes),
            ValueBytes = valueBytes,
            Envelope = envelope,
            DeadLetteredAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()),
        };
    }

    /// <summary>The reason's text before its first ':' (the whole reason without one), printable and bounded.</summary>
    public static string KindOf(string reason)
    {
        var colon = reason.IndexOf(':');
        var kind = Printable((colon >= 0 ? reason[..colon] : reason).Trim(), MaxKindLength, ellipsis: false);
        return kind.Length == 0 ? UnknownKind : kind;
    }

    /// <summary>
    /// The first <see cref="ExcerptLength"/> characters of <paramref name="value"/> read as UTF-8 (invalid bytes as
    /// U+FFFD), printable; '…' when the value (of <paramref name="totalBytes"/>, for an envelope's prefix) goes on.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<byte> value, int totalBytes)
    {
        // Four bytes are enough for any character, so one character more than the excerpt shows whether it was cut.
        var head = value[..Math.Min(value.Length, (ExcerptLength + 1) * 4)];
        return Printable(Encoding.UTF8.GetString(head), ExcerptLength, cut: head.Length < Math.Max(value.Length, totalBytes));
    }

    /// <summary>
    /// At most <paramref name="max"/> characters (then '…'): tabs and line breaks as spaces, other control and format
    /// characters (e.g. bidirectional overrides) as '?', a surrogate pair never split.
    /// </summary>
    public static string Printable(string text, int max, bool ellipsis = true, bool cut = false)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max) + 1);
        var i = 0;
        for (; i < text.Length && builder.Length < max; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > max) break;
                builder.Append(c).Append(text[++i]);
                continue;
            }
            builder.Append(c switch
            {
                '\t' or '\n' or '\r' => ' ',
                _ when char.IsControl(c) || char.IsSurrogate(c) => '?',
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => '?',
                _ => c,
            });
        }
        if (ellipsis && (i < text.Length || cut))
        {
            builder.Append('…');
        }
        return builder.ToString();
    }

    /// <summary>The original's prefix and size from an envelope's JSON, or null when the body is not one.</summary>
    private static (byte[] Prefix, int Bytes)? Unwrap(byte[] envelope)
    {
        try
        {
            using var json = JsonDocument.Parse(envelope);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("valuePrefixBase64", out var prefix) && prefix.ValueKind == JsonValueKind.String
                && root.TryGetProperty("valueBytes", out var size) && size.TryGetInt32(out var bytes)
                && prefix.TryGetBytesFromBase64(out var decoded)
                ? (decoded, bytes)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
