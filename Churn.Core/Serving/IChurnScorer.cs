using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Core.Serving;

/// <summary>
/// Scores customers with one loaded model. Implementations are thread-safe; a batch is scored in one model call.
/// </summary>
public interface IChurnScorer
{
    ModelCard Card { get; }

    /// <summary>Writes one churn probability per customer into <paramref name="probabilities"/>.</summary>
    void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities);
}
