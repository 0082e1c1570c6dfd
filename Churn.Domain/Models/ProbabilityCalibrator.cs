using System.Text.Json.Serialization;

namespace Churn.Domain.Models;

/// <summary>
/// The post-hoc map from the ONNX graph's probability to the served probability, recorded in the model card. The Trainer
/// and the serving scorer both call <see cref="Apply"/>, so the calibrated probabilities are computed by one piece of
/// code with the same arithmetic (double inside, one rounding to float at the end).
/// </summary>
public sealed record ProbabilityCalibrator
{
    public const string NoneMethod = "none";
    public const string PlattMethod = "platt";
    public const string IsotonicMethod = "isotonic";

    /// <summary>Probabilities are kept this far from 0 and 1 before the logit.</summary>
    public const double LogitEpsilon = 1e-7;

    public static readonly ProbabilityCalibrator None = new() { Method = NoneMethod };

    /// <summary><c>none</c>, <c>platt</c> or <c>isotonic</c>.</summary>
    public required string Method { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlattParameters? Platt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IsotonicParameters? Isotonic { get; init; }

    [JsonIgnore]
    public bool IsIdentity => Method == NoneMethod;

    public static ProbabilityCalibrator FromPlatt(PlattParameters platt) => new() { Method = PlattMethod, Platt = platt };

    public static ProbabilityCalibrator FromIsotonic(IsotonicParameters isotonic) => new() { Method = IsotonicMethod, Isotonic = isotonic };

    public float Apply(float probability) => Method switch
    {
        NoneMethod => probability,
        PlattMethod => (float)Sigmoid(Platt!.Slope * Logit(probability) + Platt.Intercept),
        IsotonicMethod => (float)Interpolate(Isotonic!, probability),
        _ => throw new InvalidOperationException($"unknown calibration method '{Method}'"),
    };

    public void Apply(Span<float> probabilities)
    {
        if (IsIdentity)
        {
            return;
        }
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = Apply(probabilities[i]);
        }
    }

    /// <summary>Why this calibrator cannot serve, or null when it can.</summary>
    public string? Problem() => Method switch
    {
        NoneMethod => null,
        PlattMethod when Platt is null => "platt calibration without parameters",
        PlattMethod when !double.IsFinite(Platt.Slope) || !double.IsFinite(Platt.Intercept) || Platt.Slope <= 0 =>
            $"platt calibration needs a finite positive slope and a finite intercept, has {Platt.Slope} and {Platt.Intercept}",
        PlattMethod => null,
        IsotonicMethod when Isotonic is null => "isotonic calibration without knots",
        IsotonicMethod => IsotonicProblem(Isotonic),
        _ => $"unknown calibration method '{Method}' (known: {NoneMethod}, {PlattMethod}, {IsotonicMethod})",
    };

    public static double Logit(float probability)
    {
        var p = Math.Clamp(probability, LogitEpsilon, 1 - LogitEpsilon);
        return Math.Log(p / (1 - p));
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Interpolate(IsotonicParameters map, float probability)
    {
        var (x, y) = (map.Inputs, map.Outputs);
        double p = probability;
        if (p <= x[0]) return y[0];
        if (p >= x[^1]) return y[^1];
        int low = 0, high = x.Count - 1; // x[low] < p < x[high]
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (x[middle] <= p) low = middle; else high = middle;
        }
        return y[low] + (y[high] - y[low]) * (p - x[low]) / (x[high] - x[low]);
    }

    private static string? IsotonicProblem(IsotonicParameters map)
    {
        var (x, y) = (map.Inputs, map.Outputs);
        if (x.Count == 0 || x.Count != y.Count)
        {
            return $"isotonic calibration needs as many outputs as inputs (at least one), has {x.Count} and {y.Count}";
        }
        for (var i = 0; i < x.Count; i++)
        {
            if (!(y[i] is >= 0 and <= 1) || !double.IsFinite(x[i]))
            {
                return $"isotonic knot {i} ({x[i]}, {y[i]}) is not a probability pair";
            }
            if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1]))
            {
                return $"isotonic knots must have increasing inputs and non-decreasing outputs (knot {i})";
            }
        }
        return null;
    }
}
