using Churn.Core.Serving;

namespace Churn.Core.Tests.Doubles;

/// <summary>An <see cref="IModelSource"/> that always serves one scorer.</summary>
internal sealed class FixedModelSource(IChurnScorer scorer) : IModelSource
{
    private readonly ServingModel _model = new(scorer);

    public Task WaitForModelAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ModelLease Acquire() => _model.TryAddReference() ? new ModelLease(_model) : throw new ObjectDisposedException("model");
}
