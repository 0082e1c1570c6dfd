using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;

namespace Churn.Core.Reasons;

/// <summary>
/// <c>model-explainer.json</c>, written by the Trainer beside <c>model.onnx</c>: how many training rows pass through
/// each node of the graph's tree ensemble (ONNX carries no covers), for exactly one model — its card's version and the
/// SHA-256 of its ONNX file. <see cref="Covers"/>[i] is the count of the i-th node as the ensemble's <c>nodes_*</c>
/// attributes list them. The serving side refuses (no reasons, logged; the model still serves) an artifact of another
/// model, another schema or another shape.
/// </summary>
public sealed record ExplainerArtifact
{
    public const string FileName = "model-explainer.json";
    public const int CurrentSchemaVersion = 1;

    /// <summary>How far Σ contributions + base may be from ONNX Runtime's raw output (it adds the trees in float).</summary>
    public const double SumTolerance = 1e-4;

    public required int SchemaVersion { get; init; }
    public required string ModelVersion { get; init; }
    public required string ModelSha256 { get; init; }
    /// <summary>The rows routed through the trees: the training file.</summary>
    public required DataDescription CoversFrom { get; init; }
    public required int Trees { get; init; }
    public required IReadOnlyList<long> Covers { get; init; }
    /// <summary>
    /// The check made when the artifact was written: on every row of the check file, |Σ contributions + base − the
    /// ensemble's raw output as ONNX Runtime computes it| at most <see cref="OnnxParity.Tolerance"/>.
    /// </summary>
    public required OnnxParity SumParity { get; init; }

    /// <summary>
    /// Routes <paramref name="training"/> through the trees of <paramref name="onnx"/> as ONNX Runtime does, then proves
    /// the attribution on <paramref name="check"/>: the contributions of every row must add up to ONNX Runtime's raw
    /// ensemble output, else <see cref="TreeEnsembleFormatException"/>.
    /// </summary>
    public static ExplainerArtifact Create(byte[] onnx, ModelCard card, IEnumerable<CustomerRecord> training,
        DataDescription trainingData, IReadOnlyList<CustomerRecord> check)
    {
        var ensemble = OnnxTreeEnsembleReader.Read(onnx, card.Onnx.InputName, ChurnFeatures.Count);
        var covers = TreeCovers.Count(ensemble, training.Select(ChurnFeatures.Build));
        var explainer = new TreePathExplainer(ensemble, [.. covers.Select(c => (double)c)]);
        var width = ChurnFeatures.Count;
        var rows = new float[check.Count * width];
        for (var i = 0; i < check.Count; i++)
        {
            ChurnFeatures.Write(check[i], rows.AsSpan(i * width, width));
        }
        var raw = EnsembleOutputs.Compute(onnx, card.Onnx.InputName, rows, width);
        var contributions = new double[width];
        var maxAbsDiff = 0.0;
        for (var i = 0; i < check.Count; i++)
        {
            maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(explainer.Explain(rows.AsSpan(i * width, width), contributions) - raw[i]));
        }
        if (!(maxAbsDiff <= SumTolerance))
        {
            throw new TreeEnsembleFormatException(
                $"contributions + base differ from ONNX Runtime's raw ensemble output by up to {maxAbsDiff:E3} on {check.Count} rows (tolerance {SumTolerance:E0})");
        }
        return new ExplainerArtifact
        {
            SchemaVersion = CurrentSchemaVersion,
            ModelVersion = card.Version,
            ModelSha256 = Sha256(onnx),
            CoversFrom = trainingData,
            Trees = ensemble.TreeCount,
            Covers = covers,
            SumParity = new OnnxParity(maxAbsDiff, check.Count, SumTolerance),
        };
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Serialize(ExplainerArtifact artifact) =>
        JsonSerializer.Serialize(artifact, ExplainerArtifactJson.Default.ExplainerArtifact);

    public static ExplainerArtifact Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ExplainerArtifactJson.Default.ExplainerArtifact)
        ?? throw new JsonException($"{FileName} is empty.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ExplainerArtifact))]
internal sealed partial class ExplainerArtifactJson : JsonSerializerContext;
