namespace Churn.Domain.Models;

/// <summary>Platt scaling on the logit: p' = 1 / (1 + exp(−(<see cref="Slope"/> · logit(p) + <see cref="Intercept"/>))).</summary>
public sealed record PlattParameters(double Slope, double Intercept);
