namespace Churn.Domain.Models;

public sealed record MetricSummary(double Mean, double StdDev);
