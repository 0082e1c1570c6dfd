using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;
using Churn.Trainer;
using Churn.Trainer.Data;

namespace Churn.Trainer.Tests;

/// <summary>The card's reference distributions for drift monitoring: quantile bins of the training file and of the out-of-fold predictions.</summary>
public sealed class ReferenceDistributionTests
{
    [Fact]
    public void A_continuous_sample_gets_ten_equal_frequency_bins_at_its_deciles()
    {
        var bins = QuantileBins.Of([.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        Assert.Equal([10.0, 20, 30, 40, 50, 60, 70, 80, 90], bins.Edges);
        Assert.All(bins.Proportions, p => Assert.Equal(0.1, p));
        Assert.Equal(100, bins.Count);
    }

    [Fact]
    public void Tied_deciles_collapse_so_a_mostly_zero_feature_gets_fewer_wider_bins_none_of_them_empty()
    {
        // Voice-mail messages: 72 of 100 customers have none, the others 1 … 28.
        var sample = Enumerable.Repeat(0.0, 72).Concat(Enumerable.Range(1, 28).Select(i => (double)i)).ToArray();

        var bins = QuantileBins.Of(sample);

        Assert.Equal([0.0, 8, 18], bins.Edges); // deciles 1–7 are all 0; the 8th is the 80th value (8), the 9th the 90th (18)
        Assert.Equal([0.72, 0.08, 0.1, 0.1], bins.Proportions);
        Assert.Single(QuantileBins.Of([3.0, 3, 3]).Proportions); // one value: one bin
    }

    [Fact]
    public async Task Every_numeric_field_of_the_card_has_its_training_files_shares_in_at_most_ten_bins()
    {
        var card = await TrainedModel.CardAsync();
        var training = CustomerCsvReader.ReadFile(RepositoryPaths.TrainFile).Select(r => r.Record!).ToList();

        foreach (var field in StatisticsFields.Numeric)
        {
            var distribution = card.FeatureStatistics[field.Name].Distribution;
            Assert.True(distribution is not null, $"{field.Name} has no distribution");
            Assert.Null(distribution.Problem());
            Assert.InRange(distribution.BinCount, 2, QuantileBins.Bins);
            Assert.Equal(training.Count, distribution.Count);
            var counts = new int[distribution.BinCount];
            foreach (var customer in training) counts[distribution.BinOf(field.Value(customer))]++;
            Assert.Equal(counts.Select(c => Math.Round((double)c / training.Count, 6)), distribution.Proportions);
            Assert.All(counts, c => Assert.True(c > 0, $"{field.Name} has an empty bin"));
        }
        // Deciles of a continuous field are about 10 % each; a discrete one gets the bins its values allow.
        Assert.Equal(10, card.FeatureStatistics["TotalDayMinutes"].Distribution!.BinCount);
        Assert.Equal([0.0, 1, 2, 3], card.FeatureStatistics["CustomerServiceCalls"].Distribution!.Edges);
    }

    [Fact]
    public async Task The_prediction_reference_is_ten_quantile_bins_of_the_out_of_fold_probabilities()
    {
        var card = await TrainedModel.CardAsync();

        var reference = card.PredictionDistribution;

        Assert.NotNull(reference);
        Assert.Null(reference.Problem());
        Assert.Equal(QuantileBins.Bins, reference.BinCount);
        Assert.Equal(card.TrainingData.Rows, reference.Count);
        Assert.Equal(ModelArtifacts.PredictionReferenceSource, reference.Source);
        Assert.All(reference.Proportions, p => Assert.InRange(p, 0.099, 0.101)); // 3 × 2,666 distinct probabilities
        Assert.All(reference.Edges, e => Assert.InRange(e, 0, 1));
        // Categorical fields keep their level shares as before: they are the categorical reference.
        Assert.Equal(1, card.FeatureStatistics["State"].Categories!.Values.Sum(), 3);
    }
}
