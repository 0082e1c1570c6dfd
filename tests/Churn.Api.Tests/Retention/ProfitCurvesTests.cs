using Churn.Api.Retention;
using Churn.Domain.Models;
using Churn.Domain.Retention;
using Churn.Testing;

namespace Churn.Api.Tests.Retention;

/// <summary>The serving card's thresholds with economics: the profit-optimal one comes from the out-of-fold scores, never the test file.</summary>
public sealed class ProfitCurvesTests
{
    private static readonly RetentionEconomics Economics = new RetentionOptions().Economics;

    [Fact]
    public async Task The_profit_optimal_threshold_is_the_out_of_fold_optimum_beside_the_f1_and_break_even_thresholds()
    {
        var card = await TrainedModel.CardAsync();

        var curves = ProfitCurves.For(card, Economics)!;

        Assert.Equal([ProfitCurves.F1, ProfitCurves.Profit, ProfitCurves.BreakEven], curves.Thresholds.Select(t => t.Name));
        var outOfFoldOptimum = ProfitCalculator.Optimum(ProfitCalculator.Curve(card.OutOfFoldScores!, Economics))!;
        Assert.Equal([card.Threshold, outOfFoldOptimum.Threshold, Economics.BreakEvenProbability], curves.Thresholds.Select(t => t.Threshold));
        Assert.Equal(outOfFoldOptimum, curves.Thresholds[1].OutOfFold);
        Assert.All(curves.Thresholds, t => Assert.True(t.OutOfFold!.RealisedProfit <= outOfFoldOptimum.RealisedProfit));
        Assert.Equal((667, 95), (curves.TestFile.Customers, curves.TestFile.Churners));
        Assert.Equal(curves.TestFile.Points, ProfitCalculator.Curve(HoldoutScores.From(card)!, Economics));
    }

    [Fact]
    public async Task The_profit_optimal_threshold_does_not_move_when_the_test_files_results_change()
    {
        var card = await TrainedModel.CardAsync();
        // The same model with other test-file results: the 95 churners all at 0.9, the 572 others at 0.1.
        var otherTest = card with
        {
            HoldoutMetrics = card.HoldoutMetrics with { Roc = [new RocPoint(1, 0, 0), new RocPoint(0.9, 0, 1), new RocPoint(0.1, 1, 1)] },
        };

        var (original, other) = (ProfitCurves.For(card, Economics)!, ProfitCurves.For(otherTest, Economics)!);

        Assert.Equal(original.Thresholds.Select(t => t.Threshold), other.Thresholds.Select(t => t.Threshold));
        Assert.Equal(original.Thresholds.Select(t => t.OutOfFold), other.Thresholds.Select(t => t.OutOfFold));
        Assert.All(other.Thresholds, t => Assert.Equal((95, 95, 95 * 150.0), (t.TestFile.Contacted, t.TestFile.Churners, t.TestFile.RealisedProfit)));
    }

    [Fact]
    public async Task An_older_card_without_out_of_fold_scores_has_its_test_file_curve_and_the_f1_and_break_even_thresholds()
    {
        var older = await TrainedModel.CardAsync() with { OutOfFoldScores = null };

        var curves = ProfitCurves.For(older, Economics)!;

        Assert.Null(curves.OutOfFold);
        Assert.Equal([ProfitCurves.F1, ProfitCurves.BreakEven], curves.Thresholds.Select(t => t.Name));
        Assert.All(curves.Thresholds, t => Assert.Null(t.OutOfFold));
        Assert.Equal(667, curves.TestFile.Points[^1].Contacted);
    }

    [Fact]
    public void Economics_under_which_no_threshold_earns_money_out_of_fold_leave_the_profit_threshold_out()
    {
        var card = TestModelCards.Card("v1") with
        {
            TestData = new DataDescription("churn-bigml-20.csv", "cd34", 4, 2),
            HoldoutMetrics = TestModelCards.Card("v1").HoldoutMetrics with { Roc = [new(1, 0, 0), new(0.8, 0, 0.5), new(0.6, 0.5, 1), new(0.1, 1, 1)] },
            OutOfFoldScores = new ScoreDistribution { Source = "two", BinWidth = 0.001, Bins = [new(0.5, 2, 1, 1.0)] },
        };

        var dear = ProfitCurves.For(card, new RetentionEconomics(CustomerValue: 100, OfferCost: 60, AcceptanceRate: 1))!;

        Assert.Equal([ProfitCurves.F1, ProfitCurves.BreakEven], dear.Thresholds.Select(t => t.Name));
        Assert.NotNull(dear.OutOfFold);
        Assert.Equal([1, 3, 4], dear.TestFile.Points.Select(p => p.Contacted));
    }

    [Fact]
    public void A_card_whose_roc_points_do_not_count_its_test_file_has_no_profit_curve() =>
        // 0.7 of 95 churners is 66.5: these points cannot be the test file's.
        Assert.Null(ProfitCurves.For(TestModelCards.Card("v1"), Economics));
}
