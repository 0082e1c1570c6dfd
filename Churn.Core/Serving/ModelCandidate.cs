using Churn.Core.Onnx;
using Churn.Core.Reasons;
using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Core.Serving;

/// <summary>
/// Loads the model in a directory and proves it can serve before anyone relies on it: the card reads, the graph loads,
/// its input/output schema matches the card and <c>ChurnFeatures</c>, and a probe customer scores to a finite
/// probability in [0, 1]. Anything else is a <see cref="ModelValidationException"/> with the precise reason.
/// </summary>
public static class ModelCandidate
{
    public static OnnxChurnScorer Load(string directory, OnnxScorerOptions options) => Load(directory, options, out _, out _);

    /// <summary>
    /// The validated scorer (as <see cref="Load(string, OnnxScorerOptions)"/>) with its reason explainer, read from the
    /// same <c>model.onnx</c> bytes and the directory's <c>model-explainer.json</c>. A model without a usable explainer
    /// still serves: <see cref="ServingModel.ReasonsUnavailable"/> says why it computes no reasons.
    /// </summary>
    public static ServingModel LoadServing(string directory, ModelOptions options)
    {
        var scorer = Load(directory, options.Onnx, out var card, out var model);
        if (!options.Reasons)
        {
            return new ServingModel(scorer, null, $"reasons are off ({ModelOptions.SectionName}:{nameof(ModelOptions.Reasons)} is false)");
        }
        return ReasonExplainerLoader.TryLoad(directory, card, model, options.ReasonCount, out var explainer, out var problem)
            ? new ServingModel(scorer, explainer)
            : new ServingModel(scorer, null, problem);
    }

    private static OnnxChurnScorer Load(string directory, OnnxScorerOptions options, out ModelCard card, out byte[] model)
    {
        card = ModelFiles.ReadCard(directory);
        if (card.Threshold is not (> 0 and < 1))
        {
            throw new ModelValidationException($"model {card.Version}: threshold {card.Threshold} is outside (0, 1)");
        }
        model = ModelFiles.ReadModel(directory);
        var scorer = new OnnxChurnScorer(model, card, options);
        try
        {
            Probe(scorer);
            return scorer;
        }
        catch
        {
            scorer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Scores <see cref="ProbeCustomers"/> — real inputs from the card's training statistics — and throws unless every
    /// result is a probability: a model that returns NaN for customers like the ones it was trained on never serves.
    /// </summary>
    public static void Probe(IChurnScorer scorer)
    {
        var probes = ProbeCustomers(scorer.Card);
        var probabilities = new float[probes.Count];
        try
        {
            scorer.Score([.. probes.Select(p => p.Customer)], probabilities);
        }
        catch (Exception ex) when (ex is not ModelValidationException)
        {
            throw new ModelValidationException($"model {scorer.Card.Version}: probe scoring failed: {ex.Message}", ex);
        }
        for (var i = 0; i < probes.Count; i++)
        {
            if (!float.IsFinite(probabilities[i]) || probabilities[i] is < 0 or > 1)
            {
                throw new ModelValidationException(
                    $"model {scorer.Card.Version}: the probe customer with {probes[i].Name} scored {probabilities[i]}, not a probability");
            }
        }
    }

    /// <summary>
    /// Customers like the training data: the medians, every numeric feature at its training minimum, every one at its
    /// maximum, and the medians with both plans.
    /// </summary>
    public static IReadOnlyList<(string Name, CustomerRecord Customer)> ProbeCustomers(ModelCard card)
    {
        var typical = ProbeCustomer(card);
        return
        [
            ("the training medians", typical),
            ("every usage at its training minimum", At(card, typical, s => s.Min)),
            ("every usage at its training maximum", At(card, typical, s => s.Max)),
            ("both plans", typical with { InternationalPlan = true, VoiceMailPlan = true, NumberVmailMessages = 20 }),
        ];
    }

    /// <summary>A typical customer: the training medians from the card (fixed values when the card has none).</summary>
    public static CustomerRecord ProbeCustomer(ModelCard card)
    {
        double Median(string feature, double fallback) =>
            card.FeatureStatistics.TryGetValue(feature, out var s) && s.Categories is null ? s.Median : fallback;
        int Whole(string feature, double fallback) => (int)Math.Round(Median(feature, fallback));
        return new CustomerRecord
        {
            State = "KS", AccountLength = Whole("AccountLength", 100), AreaCode = 415,
            InternationalPlan = false, VoiceMailPlan = false, NumberVmailMessages = 0,
            TotalDayMinutes = Median("TotalDayMinutes", 180), TotalDayCalls = Whole("TotalDayCalls", 100),
            TotalDayCharge = Median("TotalDayCharge", 30.6),
            TotalEveMinutes = Median("TotalEveMinutes", 200), TotalEveCalls = Whole("TotalEveCalls", 100),
            TotalEveCharge = Median("TotalEveCharge", 17),
            TotalNightMinutes = Median("TotalNightMinutes", 200), TotalNightCalls = Whole("TotalNightCalls", 100),
            TotalNightCharge = Median("TotalNightCharge", 9),
            TotalIntlMinutes = Median("TotalIntlMinutes", 10), TotalIntlCalls = Whole("TotalIntlCalls", 4),
            TotalIntlCharge = Median("TotalIntlCharge", 2.7),
            CustomerServiceCalls = Whole("CustomerServiceCalls", 1),
        };
    }

    private static CustomerRecord At(ModelCard card, CustomerRecord typical, Func<FeatureStatistics, double> pick)
    {
        double Value(string feature, double fallback) =>
            card.FeatureStatistics.TryGetValue(feature, out var s) && s.Categories is null ? pick(s) : fallback;
        int Whole(string feature, int fallback) => (int)Math.Round(Value(feature, fallback));
        return typical with
        {
            AccountLength = Whole("AccountLength", typical.AccountLength),
            NumberVmailMessages = Whole("NumberVmailMessages", typical.NumberVmailMessages),
            TotalDayMinutes = Value("TotalDayMinutes", typical.TotalDayMinutes), TotalDayCalls = Whole("TotalDayCalls", typical.TotalDayCalls),
            TotalDayCharge = Value("TotalDayCharge", typical.TotalDayCharge),
            TotalEveMinutes = Value("TotalEveMinutes", typical.TotalEveMinutes), TotalEveCalls = Whole("TotalEveCalls", typical.TotalEveCalls),
            TotalEveCharge = Value("TotalEveCharge", typical.TotalEveCharge),
            TotalNightMinutes = Value("TotalNightMinutes", typical.TotalNightMinutes),
            TotalNightCalls = Whole("TotalNightCalls", typical.TotalNightCalls), TotalNightCharge = Value("TotalNightCharge", typical.TotalNightCharge),
            TotalIntlMinutes = Value("TotalIntlMinutes", typical.TotalIntlMinutes), TotalIntlCalls = Whole("TotalIntlCalls", typical.TotalIntlCalls),
            TotalIntlCharge = Value("TotalIntlCharge", typical.TotalIntlCharge),
            CustomerServiceCalls = Whole("CustomerServiceCalls", typical.CustomerServiceCalls),
        };
    }
}
