using Churn.Domain.Models;

namespace Churn.Trainer.Calibration;

/// <summary>
/// Fits Platt scaling on the logit, p' = σ(a · logit(p) + b), by maximum likelihood (Newton's method on the log-loss,
/// starting from the identity a = 1, b = 0). The logit is <see cref="ProbabilityCalibrator.Logit"/>, the one the
/// serving path applies.
/// </summary>
public static class PlattFit
{
    private const int MaxIterations = 100;
    /// <summary>A tiny ridge keeps the Newton step defined when the logits are (nearly) constant.</summary>
    private const double Ridge = 1e-9;

    public static PlattParameters Fit(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        var logits = probabilities.Select(ProbabilityCalibrator.Logit).ToArray();
        double a = 1, b = 0;
        var loss = Loss(labels, logits, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = Ridge, hab = 0, hbb = Ridge;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = ProbabilityCalibrator.Sigmoid(a * logits[i] + b);
                var residual = p - (labels[i] ? 1 : 0);
                var weight = p * (1 - p);
                ga += residual * logits[i];
                gb += residual;
                haa += weight * logits[i] * logits[i];
                hab += weight * logits[i];
                hbb += weight;
            }
            var determinant = haa * hbb - hab * hab;
            var da = (hbb * ga - hab * gb) / determinant;
            var db = (haa * gb - hab * ga) / determinant;
            // Halve the step until the log-loss does not grow (Newton can overshoot far from the optimum).
            var step = 1.0;
            var next = Loss(labels, logits, a - da, b - db);
            while (next > loss && step > 1e-6)
            {
                step /= 2;
                next = Loss(labels, logits, a - step * da, b - step * db);
            }
            if (next > loss)
            {
                break;
            }
            (a, b) = (a - step * da, b - step * db);
            var improvement = loss - next;
            loss = next;
            if (improvement < 1e-12)
            {
                break;
            }
        }
        return new PlattParameters(a, b);
    }

    private static double Loss(IReadOnlyList<bool> labels, double[] logits, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = a * logits[i] + b;
            // log(1 + e^z) − y·z, stable for large |z|.
            sum += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (labels[i] ? z : 0);
        }
        return sum / logits.Length;
    }
}
