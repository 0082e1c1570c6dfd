namespace Churn.Core.Serving;

/// <summary>Port: where a batch gets its model snapshot (implemented by <see cref="ModelProvider"/>).</summary>
public interface IModelSource
{
    /// <summary>Completes once a model is serving.</summary>
    Task WaitForModelAsync(CancellationToken cancellationToken);

    /// <summary>A hold on the current model for one batch; dispose it when the batch is done.</summary>
    ModelLease Acquire();
}
