using Churn.Domain.Models;
using Churn.Trainer.Calibration;
using Churn.Trainer.Candidates;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer.Tests;

public class CalibratorTests
{
    [Fact]
    public void Platt_recovers_the_slope_and_intercept_that_generated_the_outcomes()
    {
        // Outcomes drawn from σ(0.6 · logit(p) − 0.4): an overconfident score that Platt should undo.
        var (labels, probabilities) = Draw(20_000, seed: 5, p => ProbabilityCalibrator.Sigmoid(0.6 * ProbabilityCalibrator.Logit(p) - 0.4));

        var platt = PlattFit.Fit(labels, probabilities);

        Assert.Equal(0.6, platt.Slope, 0.05);
        Assert.Equal(-0.4, platt.Intercept, 0.08);
    }

    [Fact]
    public void Platt_leaves_calibrated_probabilities_nearly_as_they_are()
    {
        var (labels, probabilities) = Draw(20_000, seed: 6, p => p);

        var platt = PlattFit.Fit(labels, probabilities);

        Assert.Equal(1.0, platt.Slope, 0.05);
        Assert.Equal(0.0, platt.Intercept, 0.08);
    }

    [Fact]
    public void Isotonic_pools_adjacent_violators_into_a_non_decreasing_map()
    {
        // Sorted by probability the outcomes are 0, 1, 0, 1, 1: the middle pair violates the order and pools to 0.5.
        bool[] labels = [false, true, false, true, true];
        float[] probabilities = [0.1f, 0.2f, 0.3f, 0.6f, 0.8f];

        var map = IsotonicFit.Fit(labels, probabilities);
        var calibrator = ProbabilityCalibrator.FromIsotonic(map);

        Assert.Null(calibrator.Problem());
        Assert.Equal([0f, 0.5f, 0.5f, 1f, 1f], probabilities.Select(calibrator.Apply));
        Assert.Equal(0.75f, calibrator.Apply(0.45f), 6); // halfway between the knots (0.3, 0.5) and (0.6, 1)
        Assert.Equal(0f, calibrator.Apply(0.01f));
        Assert.Equal(1f, calibrator.Apply(0.99f));
    }

    [Fact]
    public void Isotonic_fits_are_monotone_on_noisy_data()
    {
        var (labels, probabilities) = Draw(5_000, seed: 7, p => p * p);

        var calibrator = ProbabilityCalibrator.FromIsotonic(IsotonicFit.Fit(labels, probabilities));

        Assert.Null(calibrator.Problem());
        var grid = Enumerable.Range(0, 101).Select(i => calibrator.Apply(i / 100f)).ToArray();
        Assert.All(grid.Zip(grid.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
    }

    [Fact]
    public void The_nested_cross_validation_keeps_calibrated_probabilities_as_they_are()
    {
        var winner = OutOfFold(seed: 8, p => p);

        var choice = CalibrationSelector.Choose(winner, seed: 1);

        Assert.Equal(ProbabilityCalibrator.NoneMethod, choice.Serving.Method);
        Assert.Equal(["none", "platt", "isotonic"], choice.Compared.Select(c => c.Method));
        Assert.Single(choice.Compared, c => c.Selected);
        Assert.True(choice.Compared.Single(c => c.Selected).Method == "none");
    }

    [Fact]
    public void The_nested_cross_validation_picks_a_calibrator_when_the_learner_is_miscalibrated_and_fits_it_on_all_out_of_fold_rows()
    {
        // The learner says p where the truth is σ(0.5 · logit(p) + 0.3): far from calibrated.
        var winner = OutOfFold(seed: 9, p => ProbabilityCalibrator.Sigmoid(0.5 * ProbabilityCalibrator.Logit(p) + 0.3));

        var choice = CalibrationSelector.Choose(winner, seed: 1);

        var none = choice.Compared.Single(c => c.Method == "none");
        var chosen = choice.Compared.Single(c => c.Selected);
        Assert.NotEqual("none", chosen.Method);
        Assert.True(chosen.Brier.Mean < none.Brier.Mean);
        Assert.Equal(chosen.Method, choice.Serving.Method);
        Assert.Equal(CalibrationSelector.Fit(chosen.Method, winner.OutOfFoldLabels, winner.OutOfFold), choice.Serving, new CalibratorComparer());
    }

    /// <summary>Probabilities spread over (0, 1) and outcomes drawn with probability <paramref name="truth"/>(p).</summary>
    private static (bool[] Labels, float[] Probabilities) Draw(int rows, int seed, Func<float, double> truth)
    {
        var random = new Random(seed);
        var probabilities = new float[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            probabilities[i] = (float)ProbabilityCalibrator.Sigmoid(random.NextDouble() * 8 - 5);
            labels[i] = random.NextDouble() < truth(probabilities[i]);
        }
        return (labels, probabilities);
    }

    /// <summary>A cross-validation result whose pooled out-of-fold predictions are <see cref="Draw"/>n, one block per repeat.</summary>
    private static CrossValidationResult OutOfFold(int seed, Func<float, double> truth)
    {
        var (labels, probabilities) = Draw(CrossValidation.Repeats * 3_000, seed, truth);
        var candidate = new Candidate("synthetic", "none", new Dictionary<string, string>(), _ => throw new NotSupportedException());
        return new CrossValidationResult(candidate, [], probabilities, labels, 0);
    }

    private sealed class CalibratorComparer : IEqualityComparer<ProbabilityCalibrator>
    {
        public bool Equals(ProbabilityCalibrator? x, ProbabilityCalibrator? y) =>
            x!.Method == y!.Method && x.Platt == y.Platt
            && (x.Isotonic is null ? y.Isotonic is null : x.Isotonic.Inputs.SequenceEqual(y.Isotonic!.Inputs) && x.Isotonic.Outputs.SequenceEqual(y.Isotonic.Outputs));

        public int GetHashCode(ProbabilityCalibrator obj) => obj.Method.GetHashCode(StringComparison.Ordinal);
    }
}
