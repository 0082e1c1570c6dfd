using Microsoft.ML;

namespace Churn.Trainer.Candidates;

/// <summary>One contender on the leaderboard: a named ML.NET pipeline from the feature vector to a calibrated probability.</summary>
public sealed record Candidate(
    string Name,
    string Algorithm,
    IReadOnlyDictionary<string, string> Hyperparameters,
    Func<MLContext, IEstimator<ITransformer>> Build);
