namespace Churn.Domain.Models;

public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives);
