namespace Churn.Domain.Predictions;

public sealed record StateStats(string State, long Total, long PredictedChurn, double MeanProbability);
