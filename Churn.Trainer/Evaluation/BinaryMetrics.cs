using Churn.Domain.Models;

namespace Churn.Trainer.Evaluation;

/// <summary>
/// Metrics of churn probabilities against labels, computed in one place for cross-validation folds and the held-out
/// test alike: threshold-free (AUC, AUC-PR as average precision, log-loss; calibration: Brier score and expected
/// calibration error over 10 equal-width bins) and at a decision threshold.
/// </summary>
public sealed record BinaryMetrics(
    double Auc, double AucPr, double LogLoss, double Accuracy, double Precision, double Recall, double F1,
    ConfusionMatrix Confusion, double Brier, double Ece)
{
    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, double threshold)
    {
        var ranked = Rank(labels, probabilities);
        var confusion = Confuse(labels, probabilities, threshold);
        var (tp, fp, fn, tn) = (confusion.TruePositives, confusion.FalsePositives, confusion.FalseNegatives, confusion.TrueNegatives);
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new BinaryMetrics(
            AreaUnderRoc(ranked), AveragePrecision(ranked), MeanLogLoss(labels, probabilities),
            (double)(tp + tn) / labels.Count, precision, recall, ChurnF1(confusion), confusion,
            BrierScore(labels, probabilities), ReliabilityDiagram.ExpectedCalibrationError(labels, probabilities));
    }

    /// <summary>Mean squared difference between the probability and the outcome (1 churned, 0 stayed).</summary>
    public static double BrierScore(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        double sum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var error = probabilities[i] - (labels[i] ? 1.0 : 0.0);
            sum += error * error;
        }
        return sum / labels.Count;
    }

    /// <summary>F1 of the churn (positive) class.</summary>
    public static double ChurnF1(ConfusionMatrix c) =>
        c.TruePositives == 0 ? 0 : 2.0 * c.TruePositives / (2.0 * c.TruePositives + c.FalsePositives + c.FalseNegatives);

    public static ConfusionMatrix Confuse(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    /// <summary>Pairs sorted by probability, highest first.</summary>
    internal static (bool Label, float Probability)[] Rank(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities) =>
        labels.Select((label, i) => (label, probabilities[i])).OrderByDescending(p => p.Item2).ToArray();

    /// <summary>Area under the ROC curve (Mann–Whitney, ties counted half).</summary>
    private static double AreaUnderRoc((bool Label, float Probability)[] ranked)
    {
        double positives = ranked.Count(r => r.Label), negatives = ranked.Length - positives;
        double area = 0, negativesAbove = 0;
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            double tiedPositives = 0, tiedNegatives = 0;
            for (; j < ranked.Length && ranked[j].Probability == ranked[i].Probability; j++)
            {
                if (ranked[j].Label) tiedPositives++; else tiedNegatives++;
            }
            area += tiedPositives * (negatives - negativesAbove - tiedNegatives) + tiedPositives * tiedNegatives / 2;
            negativesAbove += tiedNegatives;
            i = j;
        }
        return positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
    }

    /// <summary>Area under the precision–recall curve as average precision over tied-score groups.</summary>
    private static double AveragePrecision((bool Label, float Probability)[] ranked)
    {
        double positives = ranked.Count(r => r.Label), truePositives = 0, seen = 0, sum = 0;
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            double groupPositives = 0;
            for (; j < ranked.Length && ranked[j].Probability == ranked[i].Probability; j++)
            {
                if (ranked[j].Label) groupPositives++;
            }
            truePositives += groupPositives;
            seen += j - i;
            sum += groupPositives * (truePositives / seen);
            i = j;
        }
        return positives == 0 ? double.NaN : sum / positives;
    }

    public static double MeanLogLoss(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        const double epsilon = 1e-7;
        double sum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], epsilon, 1 - epsilon);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / labels.Count;
    }
}
