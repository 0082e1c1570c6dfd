using Churn.Domain.Api;
using Churn.Domain.Models;
using Churn.Web.Pages.Shared.Charts;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

public sealed class ModelModel(ChurnApiClient api) : PageModel
{
    public ModelCard? Card { get; private set; }
    public ModelsResponse? Versions { get; private set; }

    /// <summary>The shadow challenger beside the serving model (Pages/Shared/_ChallengerSection.cshtml).</summary>
    public ChallengerSection? Challenger { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var card = api.GetModelAsync(ct);
        var versions = api.GetModelsAsync(ct);
        var challenger = api.GetChallengerAsync(ct);
        (Card, Versions) = (await card, await versions);
        var (report, absent) = await challenger;
        Challenger = new ChallengerSection(Card, report, absent);
    }

    /// <summary>The test file's reliability diagram, or null for a card written before calibration was recorded.</summary>
    public ReliabilityData? Reliability(ModelCard card) =>
        card.HoldoutMetrics.Reliability is { Count: > 0 } bins
            ? new ReliabilityData("chart-reliability", $"Reliability on the test file (ECE {card.HoldoutMetrics.Ece:0.0000})",
                "Observed churn share against the mean predicted probability in each bin of width 0.1, labelled with its number of customers; " +
                "points on the dashed diagonal are perfectly calibrated. Bars along the bottom show how many customers each bin holds.",
                bins)
            : null;

    /// <summary>How a calibrator maps the graph's probability, in words.</summary>
    public static string Describe(ProbabilityCalibrator calibrator) => calibrator.Method switch
    {
        ProbabilityCalibrator.PlattMethod => $"Platt scaling on the logit (slope {calibrator.Platt!.Slope:0.###}, intercept {calibrator.Platt.Intercept:0.###})",
        ProbabilityCalibrator.IsotonicMethod => $"isotonic regression ({calibrator.Isotonic!.Inputs.Count} knots)",
        _ => "none: the learner's own probabilities are served",
    };

    public CurveData Roc(ModelCard card)
    {
        var at = card.HoldoutMetrics.Roc.OrderBy(p => Math.Abs(p.Threshold - card.Threshold)).FirstOrDefault();
        return new CurveData("chart-roc", $"ROC curve on the test file (AUC {card.HoldoutMetrics.Auc:0.000})",
            $"True positive rate against false positive rate over all thresholds; the dot marks the decision threshold {card.Threshold:0.###}.",
            [.. card.HoldoutMetrics.Roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate))],
            at is null ? null : (at.FalsePositiveRate, at.TruePositiveRate),
            at is null ? "" : $"threshold {card.Threshold:0.###}: FPR {at.FalsePositiveRate:0.###}, TPR {at.TruePositiveRate:0.###}",
            "False positive rate", "True positive rate");
    }
}
