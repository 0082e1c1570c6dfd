using System.Security;
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
        catch (JsonException ex)
        {
            throw new ModelValidationException($"{path} cannot be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (IsAccessFailure(ex))
        {
            throw Unreadable(path, ex);
        }
    }

    /// <summary>The graph's bytes in <paramref name="directory"/>; <see cref="ModelValidationException"/> when unreadable.</summary>
    public static byte[] ReadModel(string directory)
    {
        var path = ModelPath(directory);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (IsAccessFailure(ex))
        {
            throw Unreadable(path, ex);
        }
    }

    /// <summary>
    /// Every way opening or reading a file can fail: I/O errors (missing, locked, too large) and access errors
    /// (no permission, a directory where the file should be), which are not <see cref="IOException"/>s.
    /// </summary>
    private static bool IsAccessFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or NotSupportedException or SecurityException;

    private static ModelValidationException Unreadable(string path, Exception ex) =>
        new($"{path} cannot be read: {(Directory.Exists(path) ? "it is a directory, not a file" : ex.Message)}", ex);
}
