using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Predictions;

namespace Churn.Core.Reasons;

/// <summary>
/// The serving model's reason codes: builds a customer's features as the scorer does, attributes the tree ensemble's
/// raw score to them (<see cref="TreePathExplainer"/>) and keeps the <see cref="Count"/> largest by absolute value.
/// Loaded with its model (<see cref="ReasonExplainerLoader"/>) and swapped with it; thread-safe.
/// </summary>
public sealed class ReasonExplainer
{
    private readonly TreePathExplainer _explainer;
    private readonly string[] _names;

    public ReasonExplainer(TreePathExplainer explainer, IReadOnlyList<string> featureNames, int count)
    {
        if (featureNames.Count != ChurnFeatures.Count || explainer.Ensemble.FeatureCount > ChurnFeatures.Count)
        {
            throw new TreeEnsembleFormatException(
                $"the explainer's ensemble uses {explainer.Ensemble.FeatureCount} features; the card names {featureNames.Count}");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _explainer = explainer;
        _names = [.. featureNames];
        Count = Math.Min(count, _names.Length);
    }

    public string Method => TreePathExplainer.Method;
    public int Count { get; }
    public TreePathExplainer Attribution => _explainer;

    public PredictionReasons Explain(CustomerRecord customer)
    {
        Span<float> features = stackalloc float[ChurnFeatures.Count];
        Span<double> contributions = stackalloc double[ChurnFeatures.Count];
        ChurnFeatures.Write(customer, features);
        var score = _explainer.Explain(features, contributions);
        var top = new ReasonCode[Count];
        Span<bool> taken = stackalloc bool[contributions.Length];
        var kept = 0;
        for (; kept < top.Length; kept++)
        {
            var best = -1;
            for (var f = 0; f < contributions.Length; f++)
            {
                if (!taken[f] && contributions[f] != 0 && (best < 0 || Math.Abs(contributions[f]) > Math.Abs(contributions[best])))
                {
                    best = f;
                }
            }
            if (best < 0)
            {
                break;
            }
            taken[best] = true;
            top[kept] = new ReasonCode(_names[best], Shortest(features[best]), Math.Round(contributions[best], 6));
        }
        return new PredictionReasons
        {
            Method = Method,
            BaseScore = Math.Round(_explainer.BaseValue, 6),
            Score = Math.Round(score, 6),
            Top = kept == top.Length ? top : top[..kept],
        };
    }

    /// <summary>The float as a decimal of 7 significant digits when that reads back as the same float (8.7f is 8.7, not
    /// 8.69999980926514), else exactly.</summary>
    private static double Shortest(float value)
    {
        if (!float.IsFinite(value))
        {
            return value;
        }
        var rounded = (double)(decimal)value;
        return (float)rounded == value ? rounded : value;
    }
}
