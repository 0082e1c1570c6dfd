using Churn.Domain.Retention;

namespace Churn.Api.Tests.Retention;

/// <summary>The money of one contact: probability × acceptance × value − cost, and where it turns positive.</summary>
public sealed class RetentionEconomicsTests
{
    private static readonly RetentionEconomics Economics = new(CustomerValue: 600, OfferCost: 30, AcceptanceRate: 0.3);

    [Theory]
    [InlineData(1.0, 150)]        // a sure churner: 0.3 × 600 − 30
    [InlineData(0.5, 60)]
    [InlineData(1.0 / 6, 0)]      // the break-even
    [InlineData(0.1, -12)]        // the offer costs more than it is expected to save
    [InlineData(0.0, -30)]
    public void The_expected_gain_of_contacting_a_customer_is_probability_times_acceptance_times_value_minus_cost(double probability, double gain) =>
        Assert.Equal(gain, Economics.ExpectedGain(probability), 9);

    [Fact]
    public void The_break_even_probability_is_cost_over_acceptance_times_value_and_can_exceed_one()
    {
        Assert.Equal(30.0 / 180, Economics.BreakEvenProbability, 12);
        Assert.Equal(0, Economics with { OfferCost = 0 } is var free ? free.BreakEvenProbability : -1);
        Assert.True((Economics with { OfferCost = 200 }).BreakEvenProbability > 1, "an offer dearer than acceptance × value is worth nobody");
    }

    [Fact]
    public void Realised_profit_counts_the_churners_reached_and_expected_profit_the_probabilities()
    {
        Assert.Equal(83 * 180 - 87 * 30, Economics.RealisedProfit(churners: 83, contacted: 87), 9);
        Assert.Equal(2.5 * 180 - 5 * 30, Economics.ExpectedProfit(probabilitySum: 2.5, contacted: 5), 9);
    }

    [Fact]
    public void Campaign_totals_are_the_cost_the_customers_expected_to_stay_and_the_sum_of_the_gains()
    {
        double[] probabilities = [0.9, 0.6, 0.25];

        var totals = CampaignTotals.Of(Economics, probabilities.Length, probabilities.Sum());

        Assert.Equal(3, totals.Contacted);
        Assert.Equal(90, totals.Cost, 9);
        Assert.Equal((0.9 + 0.6 + 0.25) * 0.3, totals.ExpectedRetained, 9);
        Assert.Equal(probabilities.Sum(Economics.ExpectedGain), totals.ExpectedGain, 9);
    }

    [Fact]
    public void The_value_at_risk_is_the_sum_of_probabilities_times_the_customer_value_and_the_best_campaign_takes_those_above_the_break_even()
    {
        var current = new Churn.Domain.Predictions.CurrentRisk(Customers: 4, ProbabilitySum: 1.9, ContactAbove: Economics.BreakEvenProbability,
            Contactable: 2, ContactableProbabilitySum: 1.5);

        var summary = RetentionSummary.Of(Economics, current);

        Assert.Equal((4L, 1.9), (summary.Customers, summary.ExpectedChurners));
        Assert.Equal(1.9 * 600, summary.ValueAtRisk, 9);
        Assert.Equal(CampaignTotals.Of(Economics, 2, 1.5), summary.BestCampaign);
        Assert.Throws<ArgumentException>(() => RetentionSummary.Of(Economics, current with { ContactAbove = 0.5 }));
    }
}
