using Churn.Trainer.Evaluation;

namespace Churn.Trainer.Tests;

public class BinaryMetricsTests
{
    private static readonly bool[] Labels = [true, true, false, true, false, false];

    [Fact]
    public void Auc_counts_the_share_of_churner_non_churner_pairs_ranked_correctly()
    {
        // Churners at 0.9, 0.8, 0.4; stayers at 0.7, 0.3, 0.1: 8 of the 9 pairs are ordered right.
        float[] probabilities = [0.9f, 0.8f, 0.7f, 0.4f, 0.3f, 0.1f];

        var metrics = BinaryMetrics.Compute(Labels, probabilities, 0.5);

        Assert.Equal(8.0 / 9.0, metrics.Auc, 9);
    }

    [Fact]
    public void Ties_between_a_churner_and_a_stayer_count_half()
    {
        var metrics = BinaryMetrics.Compute([true, false], [0.5f, 0.5f], 0.5);

        Assert.Equal(0.5, metrics.Auc, 9);
    }

    [Fact]
    public void Threshold_metrics_follow_the_confusion_matrix()
    {
        float[] probabilities = [0.9f, 0.8f, 0.7f, 0.4f, 0.3f, 0.1f];

        var metrics = BinaryMetrics.Compute(Labels, probabilities, 0.5);

        Assert.Equal(new(2, 1, 1, 2), metrics.Confusion);
        Assert.Equal(4.0 / 6.0, metrics.Accuracy, 9);
        Assert.Equal(2.0 / 3.0, metrics.Precision, 9);
        Assert.Equal(2.0 / 3.0, metrics.Recall, 9);
        Assert.Equal(2.0 / 3.0, metrics.F1, 9);
    }

    [Fact]
    public void Average_precision_is_one_for_a_perfect_ranking_and_log_loss_grows_with_confident_mistakes()
    {
        var perfect = BinaryMetrics.Compute([true, false], [0.9f, 0.1f], 0.5);
        var wrong = BinaryMetrics.Compute([true, false], [0.1f, 0.9f], 0.5);

        Assert.Equal(1.0, perfect.AucPr, 9);
        Assert.Equal(-Math.Log(0.9), perfect.LogLoss, 6);
        Assert.True(wrong.LogLoss > perfect.LogLoss * 10);
    }

    [Fact]
    public void The_threshold_maximises_out_of_fold_f1()
    {
        // Above 0.35 every churner is caught and no stayer; 0.5 would miss the churner at 0.4.
        float[] probabilities = [0.9f, 0.8f, 0.3f, 0.4f, 0.2f, 0.1f];

        var threshold = ThresholdSelector.Select(Labels, probabilities);

        Assert.InRange(threshold, 0.30001, 0.4);
        Assert.Equal(1.0, BinaryMetrics.Compute(Labels, probabilities, threshold).F1, 9);
    }

    [Fact]
    public void Stratified_folds_keep_the_churn_share_in_every_fold_and_depend_only_on_the_seed()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i % 7 == 0).ToArray();

        var folds = StratifiedFolds.Assign(labels, 5, seed: 3);

        for (var fold = 0; fold < 5; fold++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => folds[i] == fold).ToArray();
            Assert.InRange(members.Length, 199, 201);
            Assert.InRange(members.Count(i => labels[i]), 28, 29);
        }
        Assert.Equal(folds, StratifiedFolds.Assign(labels, 5, seed: 3));
        Assert.NotEqual(folds, StratifiedFolds.Assign(labels, 5, seed: 4));
    }
}
