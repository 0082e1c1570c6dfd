namespace Churn.Api.Serving;

/// <summary>
/// The model the Api scores with: the pipeline's model provider (hot swap) seen from the Api. One snapshot of
/// <see cref="Current"/> is taken per request, so a swap mid-request never mixes two models.
/// </summary>
public interface IServingModel
{
    /// <summary>The serving scorer, or null while no valid model is loaded.</summary>
    IChurnScorer? Current { get; }

    /// <summary>Looks for a new model in the model location and swaps to it when it is valid.</summary>
    Task<ModelReloadResult> ReloadAsync(CancellationToken cancellationToken);
}

public enum ModelReloadOutcome { Swapped, Unchanged, Refused }

/// <param name="ServingVersion">The version serving after the reload (null: none).</param>
/// <param name="Reason">Why nothing changed or why a candidate was refused; null after a swap.</param>
public sealed record ModelReloadResult(ModelReloadOutcome Outcome, string? ServingVersion, string? Reason);
