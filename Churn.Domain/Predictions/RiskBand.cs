namespace Churn.Domain.Predictions;

/// <summary>How urgently the retention team should look at a customer.</summary>
public enum RiskBand
{
    /// <summary>Probability below half the decision threshold.</summary>
    Low,
    /// <summary>Probability between half the decision threshold and the threshold.</summary>
    Medium,
    /// <summary>Probability at or above the decision threshold: the model predicts churn.</summary>
    High,
}

public static class RiskBands
{
    public static RiskBand For(double probability, double threshold) =>
        probability >= threshold ? RiskBand.High
        : probability >= threshold / 2 ? RiskBand.Medium
        : RiskBand.Low;
}
