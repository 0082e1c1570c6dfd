namespace Churn.Domain.Models;

/// <summary>
/// Labelled customers whose served probability lies in [<see cref="Lower"/>, <see cref="Lower"/> + the distribution's
/// bin width) — exactly <see cref="Lower"/> when the width is 0: how many, how many churned, and their probabilities' sum.
/// </summary>
public sealed record ScoreBin(double Lower, int Count, int Churners, double ProbabilitySum);
