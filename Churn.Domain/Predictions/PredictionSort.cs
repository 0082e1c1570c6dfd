namespace Churn.Domain.Predictions;

public enum PredictionSort { ScoredAtDesc, ScoredAtAsc, ProbabilityDesc, ProbabilityAsc }
