using System.Text.Json;
using System.Text.Json.Serialization;

namespace Churn.Domain.Models;

/// <summary>Reads and writes <c>model-card.json</c> (camelCase, indented, source-generated).</summary>
public static class ModelCardJson
{
    public const string FileName = "model-card.json";

    public static string Serialize(ModelCard card) => JsonSerializer.Serialize(card, ModelCardJsonContext.Default.ModelCard);

    public static ModelCard Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ModelCardJsonContext.Default.ModelCard)
        ?? throw new JsonException("model-card.json is empty.");

    public static ModelCard Load(string path) => Deserialize(File.ReadAllText(path));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ModelCard))]
internal sealed partial class ModelCardJsonContext : JsonSerializerContext;
