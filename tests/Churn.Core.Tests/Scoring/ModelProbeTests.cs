using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Scoring;

/// <summary>A candidate model is probed with customers like its training data before it may serve.</summary>
public sealed class ModelProbeTests
{
    [Fact]
    public async Task A_model_that_returns_NaN_for_heavy_but_real_usage_is_refused_naming_the_probe()
    {
        var card = await TrainedModel.CardAsync();
        var broken = new NanAbove(card, card.FeatureStatistics["TotalDayMinutes"].Median + 1);

        var refused = Assert.Throws<ModelValidationException>(() => ModelCandidate.Probe(broken));

        Assert.Contains("every usage at its training maximum", refused.Message);
        Assert.Contains("NaN", refused.Message);
    }

    [Fact]
    public async Task The_probe_customers_stay_within_the_training_ranges_and_obey_the_contract()
    {
        var card = await TrainedModel.CardAsync();

        var probes = ModelCandidate.ProbeCustomers(card);

        Assert.Equal(4, probes.Count);
        Assert.All(probes, p => Assert.Empty(CustomerFieldValidator.Validate(p.Customer)));
        var day = card.FeatureStatistics["TotalDayMinutes"];
        Assert.Equal([day.Median, day.Min, day.Max, day.Median], probes.Select(p => p.Customer.TotalDayMinutes));
    }

    /// <summary>A model broken for heavy users: NaN above a day-minutes threshold.</summary>
    private sealed class NanAbove(ModelCard card, double dayMinutes) : IChurnScorer
    {
        public ModelCard Card { get; } = card;

        public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
        {
            for (var i = 0; i < customers.Length; i++)
            {
                probabilities[i] = customers[i].TotalDayMinutes > dayMinutes ? float.NaN : 0.2f;
            }
        }
    }
}
