using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Core.Tests.Doubles;

/// <summary>A broken model: every probability it writes is NaN.</summary>
internal sealed class NanScorer(ModelCard card) : IChurnScorer
{
    public ModelCard Card { get; } = card;

    public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities) =>
        probabilities[..customers.Length].Fill(float.NaN);
}
