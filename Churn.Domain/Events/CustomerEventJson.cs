using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Churn.Domain.Events;

/// <summary>
/// The wire format of <see cref="CustomerEvent"/>: camelCase UTF-8 JSON from a source-generated context, read strictly:
/// numbers must be JSON numbers (no <c>"180.5"</c>, no <c>"NaN"</c>), required and non-nullable members must be present
/// and not null. A value that cannot be read as a current-schema event is poison: <see cref="TryDeserialize"/> says
/// precisely why. Whether the event's values obey the contract is <see cref="CustomerEventRules"/>' business. The form
/// our producers write is read by <see cref="CanonicalEventReader"/> first; every other value by the serializer.
/// </summary>
public static class CustomerEventJson
{
    public const string ContentType = "application/json";

    public static byte[] Serialize(CustomerEvent e) =>
        JsonSerializer.SerializeToUtf8Bytes(e, CustomerEventJsonContext.Default.CustomerEvent);

    public static bool TryDeserialize(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out CustomerEvent? customerEvent,
        [NotNullWhen(false)] out string? reason)
    {
        if (CanonicalEventReader.TryRead(utf8, out customerEvent) && customerEvent.SchemaVersion == CustomerEvent.CurrentSchemaVersion)
        {
            reason = null;
            return true;
        }
        customerEvent = null;
        try
        {
            var parsed = JsonSerializer.Deserialize(utf8, CustomerEventJsonContext.Default.CustomerEvent);
            reason = parsed switch
            {
                null => "value is JSON null",
                { SchemaVersion: not CustomerEvent.CurrentSchemaVersion } =>
                    $"unsupported schemaVersion {parsed.SchemaVersion} (expected {CustomerEvent.CurrentSchemaVersion})",
                _ => null,
            };
            customerEvent = reason is null ? parsed : null;
            return reason is null;
        }
        catch (JsonException ex)
        {
            reason = SchemaVersionOf(utf8) is { } version and not CustomerEvent.CurrentSchemaVersion
                ? $"unsupported schemaVersion {version} (expected {CustomerEvent.CurrentSchemaVersion})"
                : $"invalid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>The top-level <c>schemaVersion</c> of a value that did not deserialize, when it has one.</summary>
    private static int? SchemaVersionOf(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("schemaVersion"u8);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CustomerEvent))]
internal sealed partial class CustomerEventJsonContext : JsonSerializerContext;
