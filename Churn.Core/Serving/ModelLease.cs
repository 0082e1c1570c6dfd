using Churn.Domain.Models;

namespace Churn.Core.Serving;

/// <summary>A batch's hold on one model snapshot. Dispose when the batch is done.</summary>
public readonly struct ModelLease(ServingModel model) : IDisposable
{
    public ServingModel Model { get; } = model;
    public IChurnScorer Scorer => Model.Scorer;
    public ModelCard Card => Model.Card;
    public Reasons.ReasonExplainer? Explainer => Model.Explainer;

    public void Dispose() => Model?.Release();

    /// <summary>
    /// Takes a hold on the snapshot in <paramref name="slot"/>, retrying while a swap retires the one it read; false when
    /// the slot is empty. The one way both the serving model and the challenger are leased.
    /// </summary>
    public static bool TryTake(ref ServingModel? slot, out ModelLease lease)
    {
        while (Volatile.Read(ref slot) is { } model)
        {
            if (model.TryAddReference())
            {
                lease = new ModelLease(model);
                return true;
            }
        }
        lease = default;
        return false;
    }
}
