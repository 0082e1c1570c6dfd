using System.Buffers;
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
    private static readonly int Width = ChurnFeatures.Count;

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
        Span<float> features = stackalloc float[Width];
        Span<double> contributions = stackalloc double[Width];
        ChurnFeatures.Write(customer, features);
        var score = _explainer.Explain(features, contributions);
        return Reasons(features, contributions, score);
    }

    /// <summary>
    /// <see cref="Explain(CustomerRecord)"/> for a batch, as the worker calls it right after scoring the batch: the
    /// same reasons, with the attribution of all rows in one call (<see cref="TreePathExplainer.Explain(ReadOnlySpan{float}, Span{double}, Span{double}, int)"/>)
    /// over pooled buffers.
    /// </summary>
    public void Explain(ReadOnlySpan<CustomerRecord> customers, Span<PredictionReasons?> reasons)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reasons.Length, customers.Length);
        var n = customers.Length;
        var features = ArrayPool<float>.Shared.Rent(n * Width);
        var contributions = ArrayPool<double>.Shared.Rent(n * Width);
        var scores = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                ChurnFeatures.Write(customers[i], features.AsSpan(i * Width, Width));
            }
            _explainer.Explain(features.AsSpan(0, n * Width), contributions.AsSpan(0, n * Width), scores.AsSpan(0, n), Width);
            for (var i = 0; i < n; i++)
            {
                reasons[i] = Reasons(features.AsSpan(i * Width, Width), contributions.AsSpan(i * Width, Width), scores[i]);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<double>.Shared.Return(contributions);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>The <see cref="Count"/> largest contributions by absolute value, largest first (zeros never: a feature
    /// that moved nothing is no reason), picked in <see cref="Count"/> passes over the features, without sorting them.</summary>
    private PredictionReasons Reasons(ReadOnlySpan<float> features, ReadOnlySpan<double> contributions, double score)
    {
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
