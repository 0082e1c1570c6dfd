namespace Churn.Domain.Api;

public sealed record ModelSummary(string Version, DateTimeOffset Created, string Algorithm, double Auc, double F1, double Threshold, bool Serving);
