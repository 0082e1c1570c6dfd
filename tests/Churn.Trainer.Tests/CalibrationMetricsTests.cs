using Churn.Trainer.Evaluation;

namespace Churn.Trainer.Tests;

public class CalibrationMetricsTests
{
    [Fact]
    public void Brier_is_the_mean_squared_gap_between_probability_and_outcome()
    {
        var metrics = BinaryMetrics.Compute([true, false, true, false], [0.9f, 0.2f, 0.4f, 0.0f], 0.5);

        Assert.Equal((0.01 + 0.04 + 0.36 + 0) / 4, metrics.Brier, 6);
    }

    [Fact]
    public void Reliability_bins_are_a_tenth_wide_and_hold_counts_mean_predictions_and_observed_shares()
    {
        bool[] labels = [false, false, true, false, true, true, true];
        float[] probabilities = [0.02f, 0.08f, 0.05f, 0.35f, 0.31f, 0.95f, 1.0f];

        var bins = ReliabilityDiagram.Compute(labels, probabilities);

        Assert.Equal([(0.0, 0.1, 3), (0.3, 0.4, 2), (0.9, 1.0, 2)], bins.Select(b => (b.Lower, b.Upper, b.Count)));
        Assert.Equal((0.02 + 0.08 + 0.05) / 3, bins[0].MeanPredicted, 6);
        Assert.Equal(1.0 / 3, bins[0].ObservedRate, 9);
        Assert.Equal(0.5, bins[1].ObservedRate, 9);
        Assert.Equal(1.0, bins[2].ObservedRate, 9); // 1.0 falls in the last bin
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bins_gap_by_its_count()
    {
        bool[] labels = [false, false, true, false, true, true, true];
        float[] probabilities = [0.02f, 0.08f, 0.05f, 0.35f, 0.31f, 0.95f, 1.0f];
        var gaps = new[]
        {
            3 * Math.Abs((0.02 + 0.08 + 0.05) / 3 - 1.0 / 3),
            2 * Math.Abs((0.35 + 0.31) / 2 - 0.5),
            2 * Math.Abs((0.95 + 1.0) / 2 - 1.0),
        };

        var metrics = BinaryMetrics.Compute(labels, probabilities, 0.5);

        Assert.Equal(gaps.Sum() / 7, metrics.Ece, 6);
    }

    [Fact]
    public void Perfectly_calibrated_bins_have_no_calibration_error()
    {
        // Ten customers at 0.2, two of whom churn.
        var labels = Enumerable.Range(0, 10).Select(i => i < 2).ToArray();
        var probabilities = Enumerable.Repeat(0.2f, 10).ToArray();

        Assert.Equal(0, ReliabilityDiagram.ExpectedCalibrationError(labels, probabilities), 6);
    }
}
