using System.Text.Json;
using Churn.Domain.Features;
using Churn.Domain.Models;

namespace Churn.Core.Reasons;

/// <summary>
/// Loads the reason explainer of a model from what serves: the trees of the very <c>model.onnx</c> bytes the scorer
/// loaded, and the covers in <c>model-explainer.json</c>, which must be for that model (the card's version and the
/// file's SHA-256) and that ensemble's shape. Never refuses the model: when anything is missing or mismatched the
/// answer is no explainer and the reason why.
/// </summary>
public static class ReasonExplainerLoader
{
    public static bool TryLoad(string directory, ModelCard card, byte[] model, int count, out ReasonExplainer? explainer,
        out string problem)
    {
        explainer = null;
        var path = Path.Combine(directory, ExplainerArtifact.FileName);
        ExplainerArtifact artifact;
        try
        {
            artifact = ExplainerArtifact.Deserialize(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{path} does not exist";
            return false;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"{path} cannot be read: {ex.Message}";
            return false;
        }
        problem = Mismatch(artifact, card, model) ?? "";
        if (problem.Length > 0)
        {
            problem = $"{path}: {problem}";
            return false;
        }
        try
        {
            var ensemble = OnnxTreeEnsembleReader.Read(model, card.Onnx.InputName, ChurnFeatures.Count);
            if (ensemble.TreeCount != artifact.Trees || ensemble.NodeCount != artifact.Covers.Count)
            {
                problem = $"{path} has covers for {artifact.Trees} trees and {artifact.Covers.Count} nodes; the graph has " +
                    $"{ensemble.TreeCount} trees and {ensemble.NodeCount} nodes";
                return false;
            }
            explainer = new ReasonExplainer(new TreePathExplainer(ensemble, [.. artifact.Covers.Select(c => (double)c)]), card.FeatureNames, count);
            return true;
        }
        catch (TreeEnsembleFormatException ex)
        {
            problem = $"the trees of model {card.Version} cannot be explained: {ex.Message}";
            return false;
        }
    }

    private static string? Mismatch(ExplainerArtifact artifact, ModelCard card, byte[] model) =>
        artifact.SchemaVersion != ExplainerArtifact.CurrentSchemaVersion
            ? $"schema version {artifact.SchemaVersion}; this build reads {ExplainerArtifact.CurrentSchemaVersion}"
        : artifact.ModelVersion != card.Version
            ? $"it is for model {artifact.ModelVersion}, the card is {card.Version}"
        : !string.Equals(artifact.ModelSha256, ExplainerArtifact.Sha256(model), StringComparison.OrdinalIgnoreCase)
            ? $"it is for a model.onnx with SHA-256 {artifact.ModelSha256}, the served one is {ExplainerArtifact.Sha256(model)}"
        : artifact.Covers.Any(c => c < 0)
            ? "it has negative covers"
        : null;
}
