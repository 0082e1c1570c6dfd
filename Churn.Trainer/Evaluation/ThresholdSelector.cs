namespace Churn.Trainer.Evaluation;

/// <summary>
/// The decision threshold rule: the probability cut that maximises churn-class F1 on the pooled out-of-fold predictions
/// of cross-validation on the training file (never the test file), once the card's calibrator has mapped them to the
/// served probabilities. A cut sits midway between two adjacent distinct probabilities; ties go to the cut closest to 0.5.
/// </summary>
public static class ThresholdSelector
{
    public const string Rule =
        "maximises churn-class F1 on the pooled out-of-fold predictions of repeated stratified 5-fold cross-validation on the training file, after the card's calibrator (midpoint between adjacent distinct probabilities; ties go to the cut closest to 0.5)";

    public static double Select(IReadOnlyList<bool> labels, IReadOnlyList<float> outOfFold)
    {
        var positives = labels.Count(l => l);
        var order = Enumerable.Range(0, outOfFold.Count).OrderByDescending(i => outOfFold[i]).ToArray();
        double bestF1 = -1, bestThreshold = 0.5;
        int truePositives = 0, falsePositives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            for (; j < order.Length && outOfFold[order[j]] == outOfFold[order[i]]; j++)
            {
                if (labels[order[j]]) truePositives++; else falsePositives++;
            }
            double next = j < order.Length ? outOfFold[order[j]] : 0.0;
            var threshold = (outOfFold[order[i]] + next) / 2;
            var f1 = 2.0 * truePositives / (2.0 * truePositives + falsePositives + (positives - truePositives));
            if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Math.Abs(threshold - 0.5) < Math.Abs(bestThreshold - 0.5)))
            {
                (bestF1, bestThreshold) = (f1, threshold);
            }
            i = j;
        }
        return bestThreshold;
    }
}
