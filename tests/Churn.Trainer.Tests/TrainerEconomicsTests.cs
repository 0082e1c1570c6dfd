using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Retention;
using Churn.Testing;
using Churn.Trainer.Evaluation;

namespace Churn.Trainer.Tests;

/// <summary>
/// What the real card carries for retention economics: the test file's probability levels (read back from its ROC
/// points) and the winner's out-of-fold scores, so the Api can compute profit for any economics.
/// </summary>
public class TrainerEconomicsTests
{
    private static readonly RetentionEconomics AnyEconomics = new(CustomerValue: 600, OfferCost: 30, AcceptanceRate: 0.3);

    [Fact]
    public async Task The_test_files_probability_levels_in_the_card_are_the_test_file_scored_by_the_model_with_its_labels()
    {
        var card = await TrainedModel.CardAsync();
        var customers = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record!).ToList();
        var scored = ReferenceScoring.Score(TrainedModel.ModelPath, card, customers)
            .Select((p, i) => (P: (double)p, Churned: customers[i].Churn!.Value)).OrderByDescending(r => r.P).ToList();

        var levels = HoldoutScores.From(card)!;

        Assert.Equal((667, 95, 0.0), (levels.Customers, levels.Churners, levels.BinWidth));
        var next = 0;
        foreach (var level in levels.Bins)
        {
            var rows = scored.Skip(next).Take(level.Count).ToList();
            Assert.All(rows, r => Assert.Equal(level.Lower, r.P, 1e-5));
            Assert.Equal(rows.Count(r => r.Churned), level.Churners);
            Assert.Equal(rows.Sum(r => r.P), level.ProbabilitySum, 1e-4);
            next += level.Count;
        }
    }

    [Fact]
    public async Task At_the_cards_threshold_the_test_file_levels_contact_exactly_whom_its_confusion_matrix_predicts_to_churn()
    {
        var card = await TrainedModel.CardAsync();
        var confusion = card.HoldoutMetrics.ConfusionMatrix;

        var atThreshold = ProfitCalculator.At(HoldoutScores.From(card)!, AnyEconomics, card.Threshold);

        Assert.Equal(confusion.TruePositives + confusion.FalsePositives, atThreshold.Contacted);
        Assert.Equal(confusion.TruePositives, atThreshold.Churners);
        Assert.Equal(confusion.TruePositives * 180.0 - atThreshold.Contacted * 30.0, atThreshold.RealisedProfit, 9);
    }

    [Fact]
    public async Task The_cards_out_of_fold_scores_hold_every_pooled_out_of_fold_prediction_in_bins_of_a_thousandth_and_the_report_says_so()
    {
        var card = await TrainedModel.CardAsync();
        var scores = card.OutOfFoldScores!;

        Assert.Equal(CrossValidation.Repeats * card.TrainingData.Rows, scores.Customers);
        Assert.Equal(CrossValidation.Repeats * card.TrainingData.Positives, scores.Churners);
        Assert.Equal(ScoreBins.Width, scores.BinWidth);
        Assert.Equal(scores.Bins.OrderByDescending(b => b.Lower), scores.Bins);
        Assert.All(scores.Bins, b =>
        {
            Assert.Equal(Math.Round(b.Lower * 1000), b.Lower * 1000, 9);
            Assert.InRange(b.ProbabilitySum, b.Lower * b.Count - 1e-5, (b.Lower + ScoreBins.Width) * b.Count + 1e-5);
            Assert.InRange(b.Churners, 0, b.Count);
        });
        Assert.Contains("out-of-fold", scores.Source);
        var report = await File.ReadAllTextAsync(Path.Combine(TrainedModel.Directory, ModelArtifacts.ReportFileName), TestContext.Current.CancellationToken);
        Assert.Contains($"Out-of-fold scores for retention economics: {scores.Bins.Count} non-empty bins", report);
    }

    [Fact]
    public void Bins_are_floor_of_a_thousand_p_with_one_in_the_last_and_count_churners_and_probabilities()
    {
        var bins = ScoreBins.Compute([true, false, true, false], [1f, 0.9995f, 0.2504f, 0.2501f], "four").Bins;

        Assert.Equal([0.999, 0.25], bins.Select(b => b.Lower));
        Assert.Equal([(2, 1), (2, 1)], bins.Select(b => (b.Count, b.Churners)));
        Assert.Equal(1 + 0.9995, bins[0].ProbabilitySum, 6);
    }
}
