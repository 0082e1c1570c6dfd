namespace Churn.Domain.Predictions;

/// <summary>
/// The latest prediction of each customer (customers scored more than once count once): how many customers, the sum of
/// their probabilities, and the same over those whose probability is above <see cref="ContactAbove"/>.
/// </summary>
public sealed record CurrentRisk(long Customers, double ProbabilitySum, double ContactAbove, long Contactable, double ContactableProbabilitySum);
