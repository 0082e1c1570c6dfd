using Churn.Domain.Models;

namespace Churn.Core.Tests.Scoring;

/// <summary>What the card's calibrator must be before it can serve, and how it maps probabilities.</summary>
public class CalibratorValidationTests
{
    [Theory]
    [InlineData("sigmoid", "unknown calibration method 'sigmoid'")]
    [InlineData("platt", "platt calibration without parameters")]
    [InlineData("isotonic", "isotonic calibration without knots")]
    public void A_calibrator_that_cannot_serve_says_why(string method, string problem)
    {
        Assert.Equal(problem, new ProbabilityCalibrator { Method = method }.Problem()?[..problem.Length]);
    }

    [Fact]
    public void Platt_needs_a_positive_finite_slope_and_isotonic_ordered_probability_knots()
    {
        Assert.Contains("positive slope", ProbabilityCalibrator.FromPlatt(new(-1, 0)).Problem());
        Assert.Contains("positive slope", ProbabilityCalibrator.FromPlatt(new(double.NaN, 0)).Problem());
        Assert.Contains("increasing inputs", ProbabilityCalibrator.FromIsotonic(new([0.1, 0.1], [0, 1])).Problem());
        Assert.Contains("non-decreasing outputs", ProbabilityCalibrator.FromIsotonic(new([0.1, 0.2], [0.5, 0.4])).Problem());
        Assert.Contains("not a probability", ProbabilityCalibrator.FromIsotonic(new([0.1, 0.2], [0.5, 1.5])).Problem());
        Assert.Contains("as many outputs", ProbabilityCalibrator.FromIsotonic(new([0.1, 0.2], [0.5])).Problem());
        Assert.Null(ProbabilityCalibrator.FromPlatt(new(0.8, -0.2)).Problem());
        Assert.Null(ProbabilityCalibrator.None.Problem());
    }

    [Fact]
    public void Platt_maps_through_the_logit_and_none_changes_nothing()
    {
        var platt = ProbabilityCalibrator.FromPlatt(new(2, 0.5));

        Assert.Equal((float)(1 / (1 + Math.Exp(-(2 * Math.Log(0.3f / (1 - (double)0.3f)) + 0.5)))), platt.Apply(0.3f));
        Assert.Equal(0.3f, ProbabilityCalibrator.None.Apply(0.3f));
        Assert.InRange(platt.Apply(0f), 0, 1e-12);
        Assert.InRange(platt.Apply(1f), 1 - 1e-6, 1);
    }
}
