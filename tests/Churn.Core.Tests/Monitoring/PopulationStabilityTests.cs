using Churn.Core.Monitoring;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;

namespace Churn.Core.Tests.Monitoring;

/// <summary>The PSI, its ε floor, the thresholds and the minimum window, against hand computations.</summary>
public sealed class PopulationStabilityTests
{
    [Fact]
    public void The_psi_is_the_sum_over_bins_of_the_share_difference_times_the_log_ratio()
    {
        // Reference 50/30/20 %, window 40/30/30 of 100 events:
        // (0.4 − 0.5)·ln(0.4/0.5) + 0 + (0.3 − 0.2)·ln(0.3/0.2) = 0.1·0.223144 + 0.1·0.405465 = 0.062861.
        var terms = PopulationStability.Contributions([0.5, 0.3, 0.2], [40, 30, 30]);

        Assert.Equal(0.0223144, terms[0], 7);
        Assert.Equal(0, terms[1], 12);
        Assert.Equal(0.0405465, terms[2], 7);
        Assert.Equal(0.062861, terms.Sum(), 6);
    }

    [Fact]
    public void An_empty_bin_counts_as_epsilon_so_the_psi_stays_finite()
    {
        // Reference 50/50 %, every event in the first bin: (1 − 0.5)·ln 2 + (0.0001 − 0.5)·ln(0.0001/0.5) = 0.346574 + 4.257745.
        var terms = PopulationStability.Contributions([0.5, 0.5], [10, 0]);

        Assert.Equal(0.0001, PopulationStability.Epsilon);
        Assert.Equal(4.604319, terms.Sum(), 5);
        // A level the reference never had (share 0) is floored the same way.
        Assert.Equal((0.5 - 0.0001) * Math.Log(0.5 / 0.0001), PopulationStability.Contributions([1, 0], [5, 5])[1], 9);
    }

    [Fact]
    public void Identical_shares_give_zero_and_an_empty_window_gives_no_terms()
    {
        Assert.Equal(0, PopulationStability.Contributions([0.25, 0.75], [25, 75]).Sum(), 12);
        Assert.All(PopulationStability.Contributions([0.25, 0.75], [0, 0]), term => Assert.Equal(0, term));
    }

    [Theory]
    [InlineData(0.0, DriftState.Ok)]
    [InlineData(0.1, DriftState.Ok)]
    [InlineData(0.1001, DriftState.Warn)]
    [InlineData(0.25, DriftState.Warn)]
    [InlineData(0.2501, DriftState.Alert)]
    public void Above_0_1_warns_and_above_0_25_alerts(double psi, DriftState expected) =>
        Assert.Equal(expected, PopulationStability.StateOf(psi, 0.1, 0.25));

    [Fact]
    public void A_distribution_is_judged_only_once_its_sampling_noise_is_at_most_half_the_warn_threshold()
    {
        // (k − 1)(1/n + 1/m) ≤ 0.05 with m = 2,666 training rows: 10 bins need n ≥ 9 / (0.05 − 9/2666) = 193.03 → 194.
        Assert.Equal(194, PopulationStability.MinimumEvents(10, 2666, 0.1, floor: 10));
        Assert.Equal(1601, PopulationStability.MinimumEvents(51, 2666, 0.1, floor: 10)); // the 51 states
        Assert.Equal(200, PopulationStability.MinimumEvents(2, 2666, 0.1, floor: 200)); // the floor wins for a yes/no plan
        Assert.Null(PopulationStability.MinimumEvents(51, 1000, 0.1, floor: 10)); // 50/1000 ≥ 0.05: no window is enough
        Assert.True(PopulationStability.ExpectedNoise(10, 194, 2666) <= 0.05);
        Assert.True(PopulationStability.ExpectedNoise(10, 193, 2666) > 0.05);
    }

    [Fact]
    public void Two_samples_of_one_population_differ_by_about_the_expected_noise()
    {
        // 400 seeded pairs: a reference of 2,666 and a window of 667 drawn from the same 10 equal bins.
        var random = new Random(20261201);
        int[] Draw(int n)
        {
            var counts = new int[10];
            for (var i = 0; i < n; i++) counts[random.Next(10)]++;
            return counts;
        }
        var psis = Enumerable.Range(0, 400).Select(_ =>
        {
            var reference = Draw(2666).Select(c => c / 2666.0).ToArray();
            return PopulationStability.Contributions(reference, Draw(667)).Sum();
        }).ToList();

        var expected = PopulationStability.ExpectedNoise(10, 667, 2666); // 9 · (1/667 + 1/2666) = 0.0169
        Assert.InRange(psis.Average(), expected * 0.85, expected * 1.15);
        Assert.True(psis.Max() < 0.1, $"the largest of 400 no-drift PSIs was {psis.Max():0.000}");
    }

    [Fact]
    public void A_value_falls_into_the_first_bin_whose_upper_edge_is_at_least_the_value()
    {
        var reference = new ReferenceDistribution { Edges = [1, 2, 5], Proportions = [0.25, 0.25, 0.25, 0.25], Count = 4 };

        Assert.Equal([0, 0, 1, 1, 2, 3, 3], new[] { -7, 1, 1.5, 2, 5, 5.01, 1e9 }.Select(reference.BinOf));
        Assert.Null(reference.Problem());
        Assert.NotNull((reference with { Proportions = [0.5, 0.5] }).Problem());
        Assert.NotNull((reference with { Edges = [1, 1, 5] }).Problem());
    }
}
