using System.Text.Json;
using Churn.Domain.Models;

namespace Churn.Core.Serving;

/// <summary>The Trainer's artifacts in a model directory: <c>model.onnx</c> and its card <c>model-card.json</c>.</summary>
public static class ModelFiles
{
    public const string ModelFileName = "model.onnx";
    public const string CardFileName = ModelCardJson.FileName;

    public static string ModelPath(string directory) => Path.Combine(directory, ModelFileName);

    public static string CardPath(string directory) => Path.Combine(directory, CardFileName);

    /// <summary>Reads the card in <paramref name="directory"/>; <see cref="ModelValidationException"/> when unreadable.</summary>
    public static ModelCard ReadCard(string directory)
    {
        var path = CardPath(directory);
        try
        {
            return ModelCardJson.Load(path);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ModelValidationException($"{path} cannot be read: {ex.Message}", ex);
        }
    }
}
