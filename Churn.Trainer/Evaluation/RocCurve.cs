using Churn.Domain.Models;

namespace Churn.Trainer.Evaluation;

/// <summary>ROC points (one per distinct probability, highest threshold first), for the model card and the report.</summary>
public static class RocCurve
{
    public static IReadOnlyList<RocPoint> Compute(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        var ranked = BinaryMetrics.Rank(labels, probabilities);
        double positives = ranked.Count(r => r.Label), negatives = ranked.Length - positives;
        var points = new List<RocPoint> { new(1.0, 0, 0) };
        double tp = 0, fp = 0;
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            for (; j < ranked.Length && ranked[j].Probability == ranked[i].Probability; j++)
            {
                if (ranked[j].Label) tp++; else fp++;
            }
            points.Add(new RocPoint(Math.Round(ranked[i].Probability, 6), fp / negatives, tp / positives));
            i = j;
        }
        return points;
    }
}
