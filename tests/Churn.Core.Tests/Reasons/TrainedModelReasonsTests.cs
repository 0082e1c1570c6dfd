using Churn.Core.Reasons;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Predictions;
using Churn.Testing;
using Churn.Testing.Reasons;

namespace Churn.Core.Tests.Reasons;

/// <summary>The served explainer on the Trainer's real model and the real data files.</summary>
public sealed class TrainedModelReasonsTests
{
    private const int Width = 20;

    [Fact]
    public async Task Contributions_plus_base_are_the_ensembles_raw_output_as_onnx_runtime_computes_it_for_every_test_row()
    {
        var (model, explainer) = await ServedAsync();
        var customers = TestFile();
        var rows = ServedGraph.Features(customers);

        var (scores, probabilities) = ServedGraph.Run(model, explainer.Card, rows);

        var contributions = new double[Width];
        var maxAbsDiff = 0.0;
        for (var i = 0; i < customers.Count; i++)
        {
            var total = explainer.Explainer!.Attribution.Explain(rows.AsSpan(i * Width, Width), contributions);
            Assert.Equal(total, explainer.Explainer!.Attribution.BaseValue + contributions.Sum(), 1e-9);
            maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(total - scores[i]));
        }
        Assert.True(maxAbsDiff <= ExplainerArtifact.SumTolerance, $"max |Σ + base − raw output| = {maxAbsDiff:E3} over {customers.Count} rows");
        Assert.Equal(667, customers.Count);
        // The reasons' direction is the probability's: the served probability rises with the raw score.
        var byScore = Enumerable.Range(0, customers.Count).OrderBy(i => scores[i]).ToArray();
        for (var k = 1; k < byScore.Length; k++)
        {
            Assert.True(probabilities[byScore[k]] >= probabilities[byScore[k - 1]],
                $"score {scores[byScore[k]]} gives p {probabilities[byScore[k]]} < p {probabilities[byScore[k - 1]]} of score {scores[byScore[k - 1]]}");
        }
    }

    [Fact]
    public async Task The_trainer_recorded_the_same_check_in_the_explainer_artifact()
    {
        var directory = await TrainedModel.EnsureAsync();
        var artifact = ExplainerArtifact.Deserialize(File.ReadAllText(Path.Combine(directory, ExplainerArtifact.FileName)));
        var card = await TrainedModel.CardAsync();

        Assert.Equal(card.Version, artifact.ModelVersion);
        Assert.Equal(ExplainerArtifact.Sha256(File.ReadAllBytes(TrainedModel.ModelPath)), artifact.ModelSha256);
        Assert.Equal((card.TestData.Rows, ExplainerArtifact.SumTolerance), (artifact.SumParity.Rows, artifact.SumParity.Tolerance));
        Assert.InRange(artifact.SumParity.MaxAbsDiff, 0, ExplainerArtifact.SumTolerance);
        Assert.Equal(card.TrainingData, artifact.CoversFrom);
        // Every tree's root saw every training row.
        var ensemble = OnnxTreeEnsembleReader.Read(File.ReadAllBytes(TrainedModel.ModelPath), card.Onnx.InputName, ChurnFeatures.Count);
        Assert.All(Enumerable.Range(0, ensemble.TreeCount), t => Assert.Equal(card.TrainingData.Rows, artifact.Covers[ensemble.Root(t)]));
    }

    /// <summary>
    /// For the test file's 5 most and 5 least likely churners, the top reason's sign is the sign of what the feature
    /// does to the served probability: the probability with the customer's value minus its mean with the value of each
    /// training row instead (the feature's marginal effect, everything else kept).
    /// </summary>
    [Fact]
    public async Task The_top_reasons_agree_in_sign_with_perturbing_their_feature()
    {
        var (model, explainer) = await ServedAsync();
        var customers = TestFile();
        var (_, probabilities) = ServedGraph.Run(model, explainer.Card, ServedGraph.Features(customers));
        var ranked = Enumerable.Range(0, customers.Count).OrderByDescending(i => probabilities[i]).ToArray();
        var training = ServedGraph.Features(CustomerCsvReader.ReadFile(RepositoryPaths.TrainFile).Select(r => r.Record!).ToArray());
        var trainingRows = training.Length / Width;

        foreach (var i in ranked.Take(5).Concat(ranked.TakeLast(5)))
        {
            var reasons = explainer.Explainer!.Explain(customers[i]);
            var features = ChurnFeatures.Build(customers[i]);
            foreach (var reason in reasons.Top.Take(2))
            {
                var f = ChurnFeatures.Names.ToList().IndexOf(reason.Feature);
                Assert.Equal(features[f], (float)reason.Value);
                var perturbed = new float[trainingRows * Width];
                for (var r = 0; r < trainingRows; r++)
                {
                    features.CopyTo(perturbed, r * Width);
                    perturbed[r * Width + f] = training[r * Width + f];
                }
                var (_, replaced) = ServedGraph.Run(model, explainer.Card, perturbed);
                var effect = probabilities[i] - replaced.Average();
                Assert.True(Math.Sign(effect) == Math.Sign(reason.Contribution),
                    $"row {i} (p {probabilities[i]:F4}): {reason.Feature} = {reason.Value} contributes {reason.Contribution:F4}, " +
                    $"but replacing it with the training values changes p by {-effect:F4} on average");
            }
        }
    }

    [Fact]
    public async Task Reasons_are_the_largest_contributions_by_absolute_value_with_the_customers_values()
    {
        var (_, served) = await ServedAsync();
        var explainer = served.Explainer!;
        var contributions = new double[Width];

        foreach (var customer in TestFile().Take(100))
        {
            var features = ChurnFeatures.Build(customer);
            var score = explainer.Attribution.Explain(features, contributions);
            var reasons = explainer.Explain(customer);

            var expected = Enumerable.Range(0, Width).Where(f => contributions[f] != 0)
                .OrderByDescending(f => Math.Abs(contributions[f])).Take(explainer.Count).ToList();
            Assert.Equal(expected.Select(f => ChurnFeatures.Names[f]), reasons.Top.Select(r => r.Feature));
            Assert.Equal(expected.Select(f => Math.Round(contributions[f], 6)), reasons.Top.Select(r => r.Contribution));
            Assert.Equal(expected.Select(f => features[f]), reasons.Top.Select(r => (float)r.Value)); // the shortest decimal of the float
            Assert.Equal((TreePathExplainer.Method, Math.Round(score, 6), Math.Round(explainer.Attribution.BaseValue, 6)),
                (reasons.Method, reasons.Score, reasons.BaseScore));
        }
    }

    /// <summary>The worker's call: one batch of every test row gets, row by row, the reasons each customer gets alone.</summary>
    [Fact]
    public async Task A_batch_of_customers_gets_the_reasons_each_customer_gets_alone()
    {
        var (_, served) = await ServedAsync();
        var explainer = served.Explainer!;
        var customers = TestFile();

        var reasons = new PredictionReasons?[customers.Count];
        explainer.Explain([.. customers], reasons);

        Assert.Equal(customers.Select(explainer.Explain), reasons);
        Assert.All(reasons, r => Assert.Equal(explainer.Count, r!.Top.Count));
    }

    /// <summary>TreeSHAP (the reference the served method was measured against) is exact too: it sums to the same output.</summary>
    [Fact]
    public async Task TreeShap_over_the_same_trees_and_covers_sums_to_the_same_raw_output()
    {
        var (model, served) = await ServedAsync();
        var artifact = ExplainerArtifact.Deserialize(File.ReadAllText(Path.Combine(TrainedModel.Directory, ExplainerArtifact.FileName)));
        var shap = new TreeShap(served.Explainer!.Attribution.Ensemble, [.. artifact.Covers.Select(c => (double)c)]);
        var rows = ServedGraph.Features(TestFile().Take(50).ToArray());
        var (scores, _) = ServedGraph.Run(model, served.Card, rows);

        Assert.Equal(served.Explainer.Attribution.BaseValue, shap.BaseValue, 1e-9);
        var phi = new double[Width];
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(scores[i], shap.Explain(rows.AsSpan(i * Width, Width), phi), ExplainerArtifact.SumTolerance);
        }
    }

    private static async Task<(byte[] Model, ServingModel Served)> ServedAsync()
    {
        var directory = await TrainedModel.EnsureAsync();
        var served = ModelCandidate.LoadServing(directory, new ModelOptions { Directory = directory });
        Assert.True(served.Explainer is not null, served.ReasonsUnavailable);
        return (File.ReadAllBytes(ModelFiles.ModelPath(directory)), served);
    }

    private static IReadOnlyList<CustomerRecord> TestFile() =>
        CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record!).ToArray();
}
