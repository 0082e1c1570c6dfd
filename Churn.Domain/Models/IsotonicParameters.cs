namespace Churn.Domain.Models;

/// <summary>
/// An isotonic (non-decreasing) map as knots: a probability between two adjacent <see cref="Inputs"/> is interpolated
/// linearly between their <see cref="Outputs"/>; below the first or above the last knot it takes the end value.
/// </summary>
public sealed record IsotonicParameters(IReadOnlyList<double> Inputs, IReadOnlyList<double> Outputs);
