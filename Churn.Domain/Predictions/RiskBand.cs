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
