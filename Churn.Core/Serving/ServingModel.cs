using Churn.Core.Reasons;
using Churn.Domain.Models;

namespace Churn.Core.Serving;

/// <summary>
/// One loaded model as the provider serves it. Callers <see cref="ModelProvider.Acquire"/> a <see cref="ModelLease"/>
/// for the duration of a batch; the scorer is disposed only when the provider has swapped it out AND the last lease
/// is released, so a batch never runs on a half-swapped or disposed model. The model's reason explainer (null when it
/// has none: <see cref="ReasonsUnavailable"/> says why) is loaded with it and swapped with it, under the same lease.
/// </summary>
public sealed class ServingModel(IChurnScorer scorer, ReasonExplainer? explainer = null, string? reasonsUnavailable = null)
{
    private int _references = 1; // the provider's own reference

    public IChurnScorer Scorer { get; } = scorer;
    public ModelCard Card => Scorer.Card;
    public ReasonExplainer? Explainer { get; } = explainer;

    /// <summary>Why this model computes no reasons (null when it does).</summary>
    public string? ReasonsUnavailable { get; } = explainer is null ? reasonsUnavailable ?? "no reason explainer" : null;

    internal bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }
            current = seen;
        }
        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            (Scorer as IDisposable)?.Dispose();
        }
    }
}
