namespace Churn.Api.Explanations;

/// <summary>
/// Scores customers with one model and explains each score by one-at-a-time reference substitution: for every
/// feature, the customer is re-scored with that feature set to its training reference and the others unchanged.
/// All rows of a request (customers × (1 + features)) go to the model in one call.
/// </summary>
public static class ExplainedScoring
{
    public const string Method =
        "One-at-a-time reference substitution: effect = P(churn | customer) − P(churn | customer with this one feature " +
        "set to its training median, or its most common level for state, area code and plans). A period's minutes and " +
        "charge are one feature (the charge is a fixed rate times the minutes), and dropping the voice-mail plan also " +
        "drops its messages, so every substituted customer is a possible one. A positive effect means this customer's " +
        "value raises the risk compared with a typical value. Effects are not additive.";

    public const int TopCount = 5;

    public static ScoreResponse Score(IChurnScorer scorer, IReadOnlyList<CustomerRecord> customers)
    {
        var card = scorer.Card;
        var features = ReferenceFeatures.All;
        var stride = 1 + features.Count;
        var rows = new CustomerRecord[customers.Count * stride];
        var references = new string?[customers.Count * stride];
        for (var i = 0; i < customers.Count; i++)
        {
            rows[i * stride] = customers[i];
            for (var f = 0; f < features.Count; f++)
            {
                var substituted = features[f].WithReference(customers[i], card.FeatureStatistics);
                rows[i * stride + 1 + f] = substituted?.Modified ?? customers[i];
                references[i * stride + 1 + f] = substituted?.Reference;
            }
        }

        var probabilities = new float[rows.Length];
        scorer.Score(rows, probabilities);

        var results = new CustomerScore[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            double p = probabilities[i * stride];
            var effects = new List<FeatureEffect>(features.Count);
            for (var f = 0; f < features.Count; f++)
            {
                if (references[i * stride + 1 + f] is not { } reference) continue;
                var effect = Math.Round(p - probabilities[i * stride + 1 + f], 6);
                effects.Add(new FeatureEffect(features[f].Name, features[f].Value(customers[i]), reference, effect));
            }
            effects.Sort((a, b) => Math.Abs(b.Effect).CompareTo(Math.Abs(a.Effect)));
            var explanation = new Explanation(Method, effects,
                [.. effects.Where(e => e.Effect > 0).Take(TopCount)],
                [.. effects.Where(e => e.Effect < 0).Take(TopCount)]);
            results[i] = new CustomerScore(p, p >= card.Threshold, RiskBands.For(p, card.Threshold), explanation);
        }
        return new ScoreResponse(card.Version, card.Threshold, results);
    }
}
