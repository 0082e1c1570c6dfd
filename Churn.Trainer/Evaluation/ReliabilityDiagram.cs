using Churn.Domain.Models;

namespace Churn.Trainer.Evaluation;

/// <summary>
/// Calibration measured the usual way: probabilities grouped into 10 equal-width bins ([0, 0.1), …, [0.9, 1]); per bin
/// the mean predicted probability against the observed churn share. The expected calibration error is the
/// count-weighted mean of their absolute gaps.
/// </summary>
public static class ReliabilityDiagram
{
    public const int BinCount = 10;

    /// <summary>The non-empty bins, lowest first.</summary>
    public static IReadOnlyList<ReliabilityBin> Compute(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        var counts = new int[BinCount];
        var predicted = new double[BinCount];
        var churned = new int[BinCount];
        for (var i = 0; i < labels.Count; i++)
        {
            var bin = BinOf(probabilities[i]);
            counts[bin]++;
            predicted[bin] += probabilities[i];
            if (labels[i]) churned[bin]++;
        }
        var bins = new List<ReliabilityBin>();
        for (var b = 0; b < BinCount; b++)
        {
            if (counts[b] > 0)
            {
                bins.Add(new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, counts[b],
                    predicted[b] / counts[b], (double)churned[b] / counts[b]));
            }
        }
        return bins;
    }

    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        var rows = bins.Sum(b => b.Count);
        return rows == 0 ? double.NaN : bins.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / rows;
    }

    public static double ExpectedCalibrationError(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities) =>
        ExpectedCalibrationError(Compute(labels, probabilities));

    /// <summary>The bin of <paramref name="probability"/>: ⌊10 p⌋, with 1 in the last bin.</summary>
    public static int BinOf(float probability) => Math.Clamp((int)Math.Floor(probability * (double)BinCount), 0, BinCount - 1);
}
