using System.Buffers;
using System.Text;
using System.Text.Json;
using Churn.Domain.Predictions;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The text of the <c>reasons</c> column: one flat JSON array, <c>[method, baseScore, score, feature, value,
/// contribution, feature, value, contribution, …]</c>, e.g.
/// <c>["tree-path",-6.008453,-9.385813,"TotalEveMinutes",351.6,-1.516404,"InternationalRisk",0,-0.55761]</c>. About
/// half the bytes of the object form the Api returns (about 150 instead of 283 per prediction): every stored
/// prediction pays for them in the pipeline's write (docs/performance.md §13). Written on the store's one writer
/// thread with a reused writer and buffer.
/// </summary>
internal static class SqliteReasonsColumn
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The column's text as UTF-8, in a buffer of the calling thread's that the next call overwrites.</summary>
    public static ReadOnlySpan<byte> WriteUtf8(PredictionReasons reasons)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartArray();
        json.WriteStringValue(reasons.Method);
        json.WriteNumberValue(reasons.BaseScore);
        json.WriteNumberValue(reasons.Score);
        foreach (var reason in reasons.Top)
        {
            json.WriteStringValue(reason.Feature);
            json.WriteNumberValue(reason.Value);
            json.WriteNumberValue(reason.Contribution);
        }
        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }

    public static PredictionReasons Read(string text)
    {
        try
        {
            var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            Next(ref json, JsonTokenType.StartArray);
            var method = Next(ref json, JsonTokenType.String).GetString()!;
            var baseScore = Next(ref json, JsonTokenType.Number).GetDouble();
            var score = Next(ref json, JsonTokenType.Number).GetDouble();
            var top = new List<ReasonCode>(3);
            while (json.Read() && json.TokenType == JsonTokenType.String)
            {
                var feature = json.GetString()!;
                var value = Next(ref json, JsonTokenType.Number).GetDouble();
                top.Add(new ReasonCode(feature, value, Next(ref json, JsonTokenType.Number).GetDouble()));
            }
            if (json.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException($"expected a feature name or the end of the array, found {json.TokenType}");
            }
            return new PredictionReasons { Method = method, BaseScore = baseScore, Score = score, Top = top };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The reasons column '{text}' is not [method, baseScore, score, feature, value, contribution, …]: {ex.Message}", ex);
        }
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader json, JsonTokenType expected)
    {
        if (!json.Read() || json.TokenType != expected)
        {
            throw new JsonException($"expected {expected}, found {(json.TokenType == JsonTokenType.None ? "the end" : json.TokenType)}");
        }
        return ref json;
    }
}
