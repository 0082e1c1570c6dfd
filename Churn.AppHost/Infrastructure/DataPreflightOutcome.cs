namespace Churn.AppHost.Infrastructure;

/// <summary>What the AppHost can run with the data files and model it finds (<see cref="DataPreflight"/>).</summary>
public enum DataPreflightOutcome
{
    /// <summary>The test file is there (and a model, or both data files for the trainer to make one): it is replayed.</summary>
    Replay,

    /// <summary>A model but no test file: the services ingest synthetic customers drawn from the model card.</summary>
    Synthetic,

    /// <summary>No model and not the data files to train one: nothing can run, and nothing is started.</summary>
    Refused,
}
