using Churn.Domain.Predictions;

namespace Churn.Core.Tests.Storage;

public abstract partial class PredictionStoreContract
{
    private static readonly StatsQuery TenMinutesByMinute =
        new() { Bucket = TimeSpan.FromMinutes(1), Window = TimeSpan.FromMinutes(10), HistogramBins = 10 };

    [Fact]
    public async Task Stats_count_totals_bands_and_states_of_the_fixture()
    {
        var store = await OpenWithFixtureAsync();
        var stats = await store.GetStatsAsync(TenMinutesByMinute, Ct);

        Assert.Equal(7, stats.Total);
        Assert.Equal(4, stats.PredictedChurn);
        Assert.Equal(4.0 / 7, stats.PredictedChurnRate, 12);
        Assert.Equal(new Dictionary<RiskBand, long> { [RiskBand.Low] = 2, [RiskBand.Medium] = 1, [RiskBand.High] = 4 },
            stats.ByRiskBand);
        Assert.Equal(["CA", "NY", "TX"], stats.ByState.Select(s => s.State));
        Assert.Equal([3L, 2, 2], stats.ByState.Select(s => s.Total));
        Assert.Equal([2L, 1, 1], stats.ByState.Select(s => s.PredictedChurn));
        Assert.Equal((0.95 + 0.82 + 0.35) / 3, stats.ByState[0].MeanProbability, 9);
        Assert.Equal((0.12 + 1.00) / 2, stats.ByState[1].MeanProbability, 9);
        Assert.Equal((0.05 + 0.55) / 2, stats.ByState[2].MeanProbability, 9);
    }

    [Fact]
    public async Task Stats_histogram_bins_probabilities_with_one_in_the_last_bin_and_sums_to_the_total()
    {
        var store = await OpenWithFixtureAsync();
        var stats = await store.GetStatsAsync(TenMinutesByMinute, Ct);

        Assert.Equal([1L, 1, 0, 1, 0, 1, 0, 0, 1, 2], stats.ProbabilityHistogram);
        Assert.Equal(stats.Total, stats.ProbabilityHistogram.Sum());
        var quartiles = await store.GetStatsAsync(TenMinutesByMinute with { HistogramBins = 4 }, Ct);
        Assert.Equal([2L, 1, 1, 3], quartiles.ProbabilityHistogram);
    }

    [Fact]
    public async Task Stats_throughput_covers_the_window_bucket_by_bucket_oldest_first()
    {
        var store = await OpenWithFixtureAsync();
        var stats = await store.GetStatsAsync(TenMinutesByMinute, Ct);

        var firstBucket = new DateTimeOffset(2026, 1, 1, 11, 51, 0, TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => firstBucket.AddMinutes(i)), stats.Throughput.Select(p => p.Start));
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 1, 2, 2], stats.Throughput.Select(p => p.Count));
    }

    [Fact]
    public async Task Stats_confusion_counts_compare_the_stored_prediction_with_the_actual_label_where_known()
    {
        var store = await OpenWithFixtureAsync();
        var labelled = (await store.GetStatsAsync(TenMinutesByMinute, Ct)).Labelled;

        Assert.Equal(new LabelledOutcomes(TruePositives: 2, FalsePositives: 1, FalseNegatives: 1, TrueNegatives: 2), labelled);
        Assert.Equal(4.0 / 6, labelled.Accuracy!.Value, 12);
        Assert.Equal(2.0 / 3, labelled.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, labelled.Recall!.Value, 12);
    }

    [Fact]
    public async Task Stats_of_an_empty_store_are_zeros_with_a_full_series()
    {
        var store = await OpenAsync();
        var stats = await store.GetStatsAsync(TenMinutesByMinute, Ct);

        Assert.Equal(0, stats.Total);
        Assert.All(stats.ByRiskBand.Values, count => Assert.Equal(0, count));
        Assert.Equal(3, stats.ByRiskBand.Count);
        Assert.Empty(stats.ByState);
        Assert.Equal(new long[10], stats.ProbabilityHistogram);
        Assert.Equal(10, stats.Throughput.Count);
        Assert.Null(stats.Labelled.Accuracy);
    }
}
