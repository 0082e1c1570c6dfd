namespace Churn.Domain.Predictions;

public static class RiskBands
{
    public static RiskBand For(double probability, double threshold) =>
        probability >= threshold ? RiskBand.High
        : probability >= threshold / 2 ? RiskBand.Medium
        : RiskBand.Low;
}
