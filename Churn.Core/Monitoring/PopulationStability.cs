using Churn.Domain.Monitoring;

namespace Churn.Core.Monitoring;

/// <summary>
/// The population stability index and the rules around it. PSI = Σ_b (a_b − e_b) · ln(a_b / e_b) over the bins, with
/// e_b the reference share and a_b the window's share of bin b, both raised to at least <see cref="Epsilon"/> first (an
/// empty bin would otherwise make the term infinite). It is the symmetric Kullback–Leibler divergence of the binned
/// distributions; 0 means identical shares.
/// </summary>
public static class PopulationStability
{
    /// <summary>The floor of a share before the logarithm: an empty bin counts as 0.01 %.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>Each bin's term of the PSI (their sum is the PSI).</summary>
    public static double[] Contributions(IReadOnlyList<double> expected, IReadOnlyList<int> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Count, expected.Count);
        var total = counts.Sum();
        var terms = new double[expected.Count];
        if (total == 0) return terms;
        for (var b = 0; b < terms.Length; b++)
        {
            var e = Math.Max(expected[b], Epsilon);
            var a = Math.Max((double)counts[b] / total, Epsilon);
            terms[b] = (a - e) * Math.Log(a / e);
        }
        return terms;
    }

    /// <summary>
    /// The PSI sampling noise alone gives on average: two samples of the same population (n window events, m reference
    /// rows) over k bins differ by about (k − 1)(1/n + 1/m), the χ² approximation of the divergence.
    /// </summary>
    public static double ExpectedNoise(int bins, int events, int referenceCount) =>
        (bins - 1) * (1.0 / events + 1.0 / referenceCount);

    /// <summary>
    /// The fewest window events at which that noise is at most half of <paramref name="warnPsi"/>, and at least
    /// <paramref name="floor"/>; null when no window is large enough (the reference itself is too small for that many bins).
    /// 10 bins against 2,666 training rows need 194 events; the 51 states need 1,601.
    /// </summary>
    public static int? MinimumEvents(int bins, int referenceCount, double warnPsi, int floor)
    {
        var room = warnPsi / 2 - (bins - 1.0) / referenceCount;
        if (room <= 0) return null;
        return Math.Max(floor, (int)Math.Ceiling((bins - 1) / room - 1e-9));
    }

    public static DriftState StateOf(double psi, double warnPsi, double alertPsi) =>
        psi > alertPsi ? DriftState.Alert : psi > warnPsi ? DriftState.Warn : DriftState.Ok;
}
