using System.ComponentModel.DataAnnotations;
using Churn.Core.Onnx;

namespace Churn.Core.Serving;

/// <summary>Where the serving model lives and how the provider watches it (section <c>Churn:Model</c>).</summary>
public sealed record ModelOptions
{
    public const string SectionName = "Churn:Model";

    /// <summary>Directory holding <c>model.onnx</c> and <c>model-card.json</c> (the Trainer's output).</summary>
    [Required]
    public string Directory { get; init; } = "artifacts/model";

    /// <summary>Watch the directory and reload when the files change.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Quiet time after the last file change before a reload (the Trainer writes two files).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDebounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Compute reason codes for every scored prediction (needs the Trainer's <c>model-explainer.json</c> beside the model;
    /// without it a model serves without reasons). Off: predictions carry no reasons (the pipeline benchmark's switch).
    /// </summary>
    public bool Reasons { get; init; } = true;

    /// <summary>How many reason codes (largest |contribution| first) a prediction keeps.</summary>
    [Range(1, 10)]
    public int ReasonCount { get; init; } = 3;

    public OnnxScorerOptions Onnx { get; init; } = new();
}
