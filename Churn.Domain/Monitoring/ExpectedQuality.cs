namespace Churn.Domain.Monitoring;

/// <summary>A model card's held-out test-file figures, beside the live ones: what the version was expected to do.</summary>
public sealed record ExpectedQuality(double Auc, double Precision, double Recall, double? Brier, double ChurnRate);
