using Churn.Core.Serving;
using Churn.Domain.Customers;

namespace Churn.Api.Tests;

/// <summary>The real model scored directly (no Api), to compare with what the Api answers.</summary>
public static class ScorerExtensions
{
    /// <summary>The model's probability for one customer.</summary>
    public static double ProbabilityOf(this IChurnScorer scorer, CustomerRecord customer)
    {
        var probability = new float[1];
        scorer.Score([customer], probability);
        return probability[0];
    }
}
