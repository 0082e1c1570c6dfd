using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Core.Tests.Scoring;

public sealed class OnnxChurnScorerTests
{
    private static readonly CustomerRecord[] Customers =
    [
        TestCustomers.Typical(serviceCalls: 0),
        TestCustomers.Typical(serviceCalls: 5, intlPlan: true),
        TestCustomers.Typical(dayMinutes: 320),
        TestCustomers.Typical(serviceCalls: 2, dayMinutes: 40),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_batch_scores_to_the_graphs_probabilities_for_either_output_rank(bool outputIsMatrix)
    {
        using var scorer = new OnnxChurnScorer(TestModels.Onnx(outputIsMatrix: outputIsMatrix), TestModelCards.Card("v1"));
        var probabilities = new float[Customers.Length];

        scorer.Score(Customers, probabilities);

        for (var i = 0; i < Customers.Length; i++)
        {
            Assert.Equal(TestModels.Expected(Customers[i]), probabilities[i], 1e-5);
        }
        Assert.True(probabilities.Distinct().Count() == Customers.Length, "the fixture should separate these customers");
    }

    [Fact]
    public void Batched_and_single_row_scores_agree_and_concurrent_callers_get_their_own_results()
    {
        using var scorer = new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1"));
        var many = Enumerable.Range(0, 1000).Select(i => TestCustomers.Typical(serviceCalls: i % 9, dayMinutes: i % 350)).ToArray();
        var batched = new float[many.Length];
        scorer.Score(many, batched);

        var parallel = new float[many.Length];
        Parallel.For(0, many.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => scorer.Score(many.AsSpan(i, 1), parallel.AsSpan(i, 1)));

        Assert.Equal(batched, parallel);
    }

    [Fact]
    public void Splitting_a_batch_into_parallel_runs_gives_the_same_probabilities_in_the_same_order()
    {
        var many = Enumerable.Range(0, 1001).Select(i => TestCustomers.Typical(serviceCalls: i % 9, dayMinutes: i % 350)).ToArray();
        using var single = new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1"));
        using var split = new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1"),
            new OnnxScorerOptions { ParallelRuns = 3, MinRowsPerRun = 100 });
        var expected = new float[many.Length];
        var actual = new float[many.Length];

        single.Score(many, expected);
        split.Score(many, actual);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_graph_with_a_different_feature_count_is_rejected_with_the_reason()
    {
        var wrongWidth = OnnxGraphWriter.Logistic([.. TestModels.Weights, 0.1f, 0.2f], TestModels.Bias);

        var error = Assert.Throws<ModelValidationException>(() => new OnnxChurnScorer(wrongWidth, TestModelCards.Card("v1")));

        Assert.Contains($"expected [-1, {Churn.Domain.Features.ChurnFeatures.Count}]", error.Message);
    }

    [Fact]
    public void A_card_whose_input_name_differs_from_the_graph_is_rejected()
    {
        var error = Assert.Throws<ModelValidationException>(
            () => new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1", input: "Input")));

        Assert.Contains("card says 'Input'", error.Message);
    }

    [Fact]
    public void A_card_with_a_different_feature_count_is_rejected()
    {
        var error = Assert.Throws<ModelValidationException>(
            () => new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1", featureCount: 99)));

        Assert.Contains("card says 99 features", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_an_onnx_graph_are_rejected()
    {
        var error = Assert.Throws<ModelValidationException>(
            () => new OnnxChurnScorer("not a model"u8.ToArray(), TestModelCards.Card("v1")));

        Assert.Contains("cannot load", error.Message);
    }
}
