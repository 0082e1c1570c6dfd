using Churn.Domain.Models;
using Churn.Domain.Retention;

namespace Churn.Api.Tests.Retention;

/// <summary>
/// Profit curves against a hand computation. Five labelled customers — 0.9 churned, 0.7 stayed, 0.6 churned, 0.2
/// churned, 0.1 stayed — with value 100, cost 10 and acceptance 0.5 (a reached churner is worth 50):
/// <code>
/// contact p ≥   contacted  churners  realised = 50·churners − 10·contacted   expected = 50·Σp − 10·contacted
///   0.9            1          1           40                                   35
///   0.7            2          1           30                                   60
///   0.6            3          2           70                                   80
///   0.2            4          3          110                                   80
///   0.1            5          3          100                                   75
/// </code>
/// </summary>
public sealed class ProfitCalculatorTests
{
    private static readonly RetentionEconomics Economics = new(CustomerValue: 100, OfferCost: 10, AcceptanceRate: 0.5);

    private static readonly ScoreDistribution Five = new()
    {
        Source = "five labelled customers", BinWidth = 0,
        Bins = [new(0.9, 1, 1, 0.9), new(0.7, 1, 0, 0.7), new(0.6, 1, 1, 0.6), new(0.2, 1, 1, 0.2), new(0.1, 1, 0, 0.1)],
    };

    [Fact]
    public void The_curve_has_one_point_per_level_highest_threshold_first_with_the_hand_computed_profits()
    {
        var curve = ProfitCalculator.Curve(Five, Economics);

        Assert.Equal([0.9, 0.7, 0.6, 0.2, 0.1], curve.Select(p => p.Threshold));
        Assert.Equal([1, 2, 3, 4, 5], curve.Select(p => p.Contacted));
        Assert.Equal([1, 1, 2, 3, 3], curve.Select(p => p.Churners));
        Assert.Equal([40.0, 30, 70, 110, 100], curve.Select(p => Math.Round(p.RealisedProfit, 9)));
        Assert.Equal([35.0, 60, 80, 80, 75], curve.Select(p => Math.Round(p.ExpectedProfit, 9)));
    }

    [Fact]
    public void The_optimum_is_the_highest_realised_profit()
    {
        var best = ProfitCalculator.Optimum(ProfitCalculator.Curve(Five, Economics));

        Assert.Equal((0.2, 4, 110.0), (best!.Threshold, best.Contacted, Math.Round(best.RealisedProfit, 9)));
    }

    [Fact]
    public void Ties_go_to_the_smaller_campaign_and_no_optimum_when_nothing_earns_more_than_contacting_nobody()
    {
        // A churner at 0.8, then two customers at 0.5 of whom one churned; cost 25: 50 − 25 = 25, then 100 − 75 = 25.
        var tied = Five with { Bins = [new(0.8, 1, 1, 0.8), new(0.5, 2, 1, 1.0)] };
        var curve = ProfitCalculator.Curve(tied, Economics with { OfferCost = 25 });
        Assert.Equal(curve[0].RealisedProfit, curve[1].RealisedProfit, 9);
        Assert.Equal(0.8, ProfitCalculator.Optimum(curve)!.Threshold);

        // Cost 50: a reached churner just pays for its own offer (0, then 0); cost 60: every campaign loses.
        Assert.Null(ProfitCalculator.Optimum(ProfitCalculator.Curve(tied, Economics with { OfferCost = 50 })));
        Assert.Null(ProfitCalculator.Optimum(ProfitCalculator.Curve(Five, Economics with { OfferCost = 60 })));
    }

    [Theory]
    [InlineData(0.65, 2, 1, 30, 60)]   // between levels: the customers at 0.9 and 0.7
    [InlineData(0.6, 3, 2, 70, 80)]    // at a level: that level is contacted
    [InlineData(0.95, 0, 0, 0, 0)]     // above everyone: nobody
    [InlineData(0.0, 5, 3, 100, 75)]
    public void At_a_threshold_every_customer_at_or_above_it_is_contacted(double threshold, int contacted, int churners, double realised, double expected)
    {
        var point = ProfitCalculator.At(Five, Economics, threshold);

        Assert.Equal((threshold, contacted, churners), (point.Threshold, point.Contacted, point.Churners));
        Assert.Equal(realised, point.RealisedProfit, 9);
        Assert.Equal(expected, point.ExpectedProfit, 9);
    }

    [Fact]
    public void Binned_distributions_add_their_counts_and_probability_sums_per_bin()
    {
        var binned = new ScoreDistribution
        {
            Source = "bins of 0.1", BinWidth = 0.1,
            Bins = [new(0.9, 3, 3, 2.85), new(0.3, 2, 1, 0.7), new(0.0, 10, 0, 0.2)],
        };

        var curve = ProfitCalculator.Curve(binned, Economics);

        Assert.Equal([3, 5, 15], curve.Select(p => p.Contacted));
        Assert.Equal([3 * 50 - 30.0, 4 * 50 - 50.0, 4 * 50 - 150.0], curve.Select(p => Math.Round(p.RealisedProfit, 9)));
        Assert.Equal((2.85 + 0.7 + 0.2) * 50 - 150, curve[^1].ExpectedProfit, 9);
        Assert.Equal(5, ProfitCalculator.At(binned, Economics, 0.25).Contacted); // a threshold inside a bin acts at the next bin edge
    }
}
