using System.Text.Json.Nodes;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Core.Tests.Scoring;

/// <summary>The serving scorer applies the card's post-hoc calibrator after the graph, and refuses one that cannot serve.</summary>
public sealed class CalibratedScoringTests
{
    private static readonly CustomerRecord[] Customers =
    [
        TestCustomers.Typical(serviceCalls: 0),
        TestCustomers.Typical(serviceCalls: 5, intlPlan: true),
        TestCustomers.Typical(dayMinutes: 320),
        TestCustomers.Typical(serviceCalls: 2, dayMinutes: 40),
        TestCustomers.Typical(serviceCalls: 7, dayMinutes: 330, intlPlan: true),
    ];

    [Fact]
    public void A_platt_calibrator_in_the_card_maps_the_graphs_probabilities_through_the_logit()
    {
        var card = Calibrated(ProbabilityCalibrator.FromPlatt(new PlattParameters(0.5, -1)));
        using var scorer = new OnnxChurnScorer(TestModels.Onnx(), card);
        var served = new float[Customers.Length];

        scorer.Score(Customers, served);

        for (var i = 0; i < Customers.Length; i++)
        {
            var graph = TestModels.Expected(Customers[i]);
            var expected = 1 / (1 + Math.Exp(-(0.5 * Math.Log(graph / (1 - graph)) - 1)));
            Assert.Equal(expected, served[i], 1e-5);
        }
    }

    [Fact]
    public void An_isotonic_calibrator_in_the_card_interpolates_between_its_knots()
    {
        var card = Calibrated(ProbabilityCalibrator.FromIsotonic(new IsotonicParameters([0.001, 0.5, 0.9], [0.01, 0.2, 0.95])));
        using var scorer = new OnnxChurnScorer(TestModels.Onnx(), card);
        var served = new float[Customers.Length];

        scorer.Score(Customers, served);

        for (var i = 0; i < Customers.Length; i++)
        {
            var p = TestModels.Expected(Customers[i]);
            var expected = p <= 0.001 ? 0.01 : p <= 0.5 ? 0.01 + 0.19 * (p - 0.001) / 0.499 : p <= 0.9 ? 0.2 + 0.75 * (p - 0.5) / 0.4 : 0.95;
            Assert.Equal(expected, served[i], 1e-5);
        }
        Assert.Contains(served, p => p is > 0.2f and < 0.95f); // at least one customer on the steep segment
    }

    [Fact]
    public void A_card_whose_calibrator_cannot_serve_is_rejected_with_the_reason()
    {
        var card = Calibrated(new ProbabilityCalibrator { Method = "beta" });

        var error = Assert.Throws<ModelValidationException>(() => new OnnxChurnScorer(TestModels.Onnx(), card));

        Assert.Contains("unknown calibration method 'beta'", error.Message);
        Assert.Contains(card.Version, error.Message);
    }

    [Fact]
    public void A_card_written_before_calibration_was_recorded_still_reads_and_serves_the_graphs_probabilities()
    {
        var json = JsonNode.Parse(ModelCardJson.Serialize(TestModelCards.Card("old")))!.AsObject();
        json.Remove("calibration");
        json["holdoutMetrics"]!.AsObject().Remove("brier");
        json["holdoutMetrics"]!.AsObject().Remove("ece");
        json["holdoutMetrics"]!.AsObject().Remove("reliability");
        foreach (var entry in json["leaderboard"]!.AsArray())
        {
            entry!.AsObject().Remove("brier");
            entry.AsObject().Remove("ece");
        }

        var card = ModelCardJson.Deserialize(json.ToJsonString());
        using var scorer = new OnnxChurnScorer(TestModels.Onnx(), card);
        var served = new float[Customers.Length];
        scorer.Score(Customers, served);

        Assert.Null(card.Calibration);
        Assert.Null(card.HoldoutMetrics.Reliability);
        Assert.Null(card.Leaderboard[0].Brier);
        Assert.Equal(Customers.Select(c => (float)TestModels.Expected(c)), served, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    private static ModelCard Calibrated(ProbabilityCalibrator calibrator) => TestModelCards.Card("calibrated") with
    {
        Calibration = new CalibrationChoice { Serving = calibrator, Rule = "test", Compared = [] },
    };
}
