using Churn.Core.Monitoring;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Testing;

namespace Churn.Core.Tests.Monitoring;

/// <summary>Feature drift over a window of records: numeric bins from the card, categorical levels, cards without references.</summary>
public sealed class FeatureDriftCalculatorTests
{
    private static readonly MonitoringOptions Options = new() { MinimumEvents = 10 };

    private static ModelCard CardWith(ReferenceDistribution dayMinutes) => TestModelCards.Card("v1") with
    {
        FeatureStatistics = new Dictionary<string, FeatureStatistics>
        {
            ["TotalDayMinutes"] = new() { Kind = "numeric", Min = 0, Max = 350, Distribution = dayMinutes },
            ["InternationalPlan"] = new() { Kind = "categorical", Categories = new Dictionary<string, double> { ["no"] = 0.9, ["yes"] = 0.1 } },
            ["State"] = new() { Kind = "categorical", Categories = new Dictionary<string, double> { ["KS"] = 0.5, ["OH"] = 0.5 } },
        },
    };

    private static readonly ReferenceDistribution DayMinutes = new() { Edges = [150, 200], Proportions = [0.3, 0.4, 0.3], Count = 2666 };

    [Fact]
    public void Numeric_values_are_counted_into_the_cards_bins_with_their_ranges_and_shares()
    {
        // 100 customers: 30 at ≤ 150, 20 in (150, 200], 50 above 200 (against 30/40/30 %).
        CustomerRecord[] window =
        [
            .. Enumerable.Repeat(TestCustomers.Typical(dayMinutes: 150), 30),
            .. Enumerable.Repeat(TestCustomers.Typical(dayMinutes: 180), 20),
            .. Enumerable.Repeat(TestCustomers.Typical(dayMinutes: 420), 50),
        ];

        var drift = FeatureDriftCalculator.Compute(CardWith(DayMinutes), window, Options).Single(f => f.Feature == "TotalDayMinutes");

        Assert.Equal(["≤ 150", "(150, 200]", "> 200"], drift.Bins.Select(b => b.Label));
        Assert.Equal([(null, 150.0), (150.0, 200.0), (200.0, null)], drift.Bins.Select(b => (b.Lower, b.Upper)));
        Assert.Equal([30, 20, 50], drift.Bins.Select(b => b.Count));
        Assert.Equal([0.3, 0.2, 0.5], drift.Bins.Select(b => b.Actual));
        // 0 + (0.2 − 0.4)·ln(0.5) + (0.5 − 0.3)·ln(5/3) = 0.138629 + 0.102165
        Assert.Equal(0.240795, drift.Psi!.Value, 6);
        Assert.Equal(DriftState.Warn, drift.State);
        Assert.Equal(drift.Psi.Value, drift.Bins.Sum(b => b.Contribution), 12);
    }

    [Fact]
    public void Categorical_levels_are_the_training_levels_plus_one_bin_for_levels_it_never_had()
    {
        CustomerRecord[] window = [.. Enumerable.Repeat(TestCustomers.Typical(state: "KS"), 8), TestCustomers.Typical(state: "TX"), TestCustomers.Typical(state: "WY")];

        var drift = FeatureDriftCalculator.Compute(CardWith(DayMinutes), window, Options).Single(f => f.Feature == "State");

        Assert.Equal(["KS", "OH", FeatureDriftCalculator.UnseenLevel], drift.Bins.Select(b => b.Label));
        Assert.Equal([(0.5, 8), (0.5, 0), (0.0, 2)], drift.Bins.Select(b => (b.Expected, b.Count)));
        Assert.Equal(PopulationStability.Contributions([0.5, 0.5, 0], [8, 0, 2]).Sum(), drift.Psi!.Value, 12);
        var plan = FeatureDriftCalculator.Compute(CardWith(DayMinutes), window, Options).Single(f => f.Feature == "InternationalPlan");
        Assert.Equal(["no", "yes"], plan.Bins.Select(b => b.Level)); // no unseen bin when every level is known
    }

    [Fact]
    public void A_window_smaller_than_a_distributions_minimum_is_not_judged_but_its_psi_is_shown()
    {
        // Three bins against 2,666 rows need 2 / (0.05 − 2/2666) = 40.6 → 41 events.
        var window = Enumerable.Repeat(TestCustomers.Typical(dayMinutes: 420), 40).ToList();

        var drift = FeatureDriftCalculator.Compute(CardWith(DayMinutes), window, Options).Single(f => f.Feature == "TotalDayMinutes");

        Assert.Equal(DriftState.NotEnoughData, drift.State);
        Assert.True(drift.Psi > 0.25);
        Assert.Equal(41, drift.MinimumEvents);
    }

    [Fact]
    public void A_card_written_before_drift_monitoring_loads_and_says_no_reference_instead_of_failing()
    {
        // TestModelCards' card has numeric statistics without bins and no prediction distribution, like older cards.
        var older = ModelCardJson.Deserialize(ModelCardJson.Serialize(TestModelCards.Card("old")));
        Assert.DoesNotContain("distribution", ModelCardJson.Serialize(older), StringComparison.OrdinalIgnoreCase);
        var prediction = PredictionFixturesFor(older.Version, 50);

        var report = MonitoringReportBuilder.Build(prediction, [], older, [older], Options, DateTimeOffset.UnixEpoch);

        var day = report.Features.Single(f => f.Feature == "TotalDayMinutes");
        Assert.Equal((DriftState.NoReference, 0), (day.State, day.Bins.Count));
        Assert.Equal(DriftState.NoReference, report.Predictions.Single().State);
        // Level shares are in every card: the fixture card's 1 % of CA customers against a window of only CA customers.
        Assert.Equal(DriftState.Alert, report.Features.Single(f => f.Feature == "State").State);
        Assert.Equal(DriftState.Alert, report.AlertState);
    }

    private static List<Churn.Domain.Predictions.Prediction> PredictionFixturesFor(string version, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Storage.PredictionFixtures.Prediction($"e{i}", state: "CA") with { ModelVersion = version })];
}
