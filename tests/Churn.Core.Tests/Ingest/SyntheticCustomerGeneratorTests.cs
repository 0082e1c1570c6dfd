using Churn.Core.Ingest;
using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Core.Tests.Ingest;

public sealed class SyntheticCustomerGeneratorTests
{
    [Fact]
    public async Task Every_synthetic_customer_is_valid_inside_the_training_ranges_and_charges_follow_the_tariff()
    {
        var card = await TrainedModel.CardAsync();
        var generator = new SyntheticCustomerGenerator(card, seed: 7);

        var customers = Enumerable.Range(0, 3000).Select(_ => generator.Next()).ToList();

        foreach (var c in customers)
        {
            Assert.Empty(CustomerFieldValidator.Validate(c));
            foreach (var (name, stats) in card.FeatureStatistics.Where(s => s.Value.Categories is null))
            {
                var value = Convert.ToDouble(typeof(CustomerRecord).GetProperty(name)!.GetValue(c));
                Assert.InRange(value, stats.Min, stats.Max);
            }
            Assert.Equal(Math.Round(c.TotalDayMinutes * 0.17, 2), c.TotalDayCharge, 0.011);
            Assert.Equal(Math.Round(c.TotalEveMinutes * 0.085, 2), c.TotalEveCharge, 0.011);
            Assert.Equal(Math.Round(c.TotalNightMinutes * 0.045, 2), c.TotalNightCharge, 0.011);
            Assert.Equal(Math.Round(c.TotalIntlMinutes * 0.27, 2), c.TotalIntlCharge, 0.011);
            Assert.True(c.VoiceMailPlan || c.NumberVmailMessages == 0);
            Assert.Null(c.Churn);
        }
        var intlShare = customers.Count(c => c.InternationalPlan) / 3000.0;
        Assert.InRange(intlShare, 0.08, 0.16); // training share ~0.10 plus the international churn-like profile
        Assert.InRange(customers.Select(c => c.State).Distinct().Count(), 45, 51);
    }

    [Fact]
    public async Task The_trained_model_predicts_a_churn_like_share_of_synthetic_customers()
    {
        var directory = await TrainedModel.EnsureAsync();
        using var scorer = Churn.Core.Serving.ModelCandidate.Load(directory, new());
        var generator = new SyntheticCustomerGenerator(scorer.Card, seed: 11);
        var customers = Enumerable.Range(0, 4000).Select(_ => generator.Next()).ToArray();
        var p = new float[customers.Length];

        scorer.Score(customers, p);

        var predictedShare = p.Count(x => x >= scorer.Card.Threshold) / (double)p.Length;
        Assert.InRange(predictedShare, 0.06, 0.30); // the test file's churn rate is 0.142
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_customers()
    {
        var card = await TrainedModel.CardAsync();

        var a = new SyntheticCustomerGenerator(card, seed: 3);
        var b = new SyntheticCustomerGenerator(card, seed: 3);

        Assert.Equal(Enumerable.Range(0, 50).Select(_ => a.Next()), Enumerable.Range(0, 50).Select(_ => b.Next()));
    }
}
