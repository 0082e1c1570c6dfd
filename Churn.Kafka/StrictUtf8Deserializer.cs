using System.Text;
using Confluent.Kafka;

namespace Churn.Kafka;

/// <summary>Decodes keys as UTF-8 and throws on invalid bytes, so a corrupt key surfaces as a poison record.</summary>
internal sealed class StrictUtf8Deserializer : IDeserializer<string>
{
    public static readonly StrictUtf8Deserializer Instance = new();
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? "" : Strict.GetString(data);
}
