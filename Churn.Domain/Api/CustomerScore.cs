using Churn.Domain.Predictions;

namespace Churn.Domain.Api;

public sealed record CustomerScore(double ChurnProbability, bool PredictedChurn, RiskBand RiskBand, Explanation Explanation);
