namespace Churn.Domain.Models;

public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
