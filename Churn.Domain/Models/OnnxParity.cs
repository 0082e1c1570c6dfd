namespace Churn.Domain.Models;

public sealed record OnnxParity(double MaxAbsDiff, int Rows, double Tolerance);
