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
}
