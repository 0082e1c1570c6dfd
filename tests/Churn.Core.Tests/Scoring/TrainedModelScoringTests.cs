using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Core.Tests.Scoring;

/// <summary>The serving scorer on the Trainer's real model and the real test file.</summary>
public sealed class TrainedModelScoringTests
{
    [Fact]
    public async Task The_serving_scorer_reproduces_the_trainers_probabilities_and_the_cards_confusion_matrix()
    {
        var directory = await TrainedModel.EnsureAsync();
        using var scorer = ModelCandidate.Load(directory, new OnnxScorerOptions());
        var rows = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record!).ToArray();
        var served = new float[rows.Length];

        scorer.Score(rows, served);

        var reference = ReferenceScoring.Score(ModelFiles.ModelPath(directory), scorer.Card, rows);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(reference[i], served[i], 1e-6f);
        }
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var predicted = served[i] >= scorer.Card.Threshold;
            var actual = rows[i].Churn!.Value;
            _ = (predicted, actual) switch
            {
                (true, true) => tp++, (true, false) => fp++, (false, true) => fn++, _ => tn++,
            };
        }
        var card = scorer.Card.HoldoutMetrics.ConfusionMatrix;
        Assert.Equal((card.TruePositives, card.FalsePositives, card.FalseNegatives, card.TrueNegatives), (tp, fp, fn, tn));
    }
}
