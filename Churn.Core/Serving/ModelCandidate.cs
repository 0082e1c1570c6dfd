using Churn.Core.Onnx;
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
    public static OnnxChurnScorer Load(string directory, OnnxScorerOptions options)
    {
        var card = ModelFiles.ReadCard(directory);
        if (card.Threshold is not (> 0 and < 1))
        {
            throw new ModelValidationException($"model {card.Version}: threshold {card.Threshold} is outside (0, 1)");
        }
        byte[] model;
        try
        {
            model = File.ReadAllBytes(ModelFiles.ModelPath(directory));
        }
        catch (IOException ex)
        {
            throw new ModelValidationException($"{ModelFiles.ModelPath(directory)} cannot be read: {ex.Message}", ex);
        }
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

    /// <summary>Scores <see cref="ProbeCustomer"/>; throws unless the result is a probability.</summary>
    public static void Probe(IChurnScorer scorer)
    {
        Span<float> probability = stackalloc float[1];
        try
        {
            scorer.Score([ProbeCustomer(scorer.Card)], probability);
        }
        catch (Exception ex) when (ex is not ModelValidationException)
        {
            throw new ModelValidationException($"model {scorer.Card.Version}: probe scoring failed: {ex.Message}", ex);
        }
        if (!float.IsFinite(probability[0]) || probability[0] is < 0 or > 1)
        {
            throw new ModelValidationException($"model {scorer.Card.Version}: probe scored {probability[0]}, not a probability");
        }
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
}
