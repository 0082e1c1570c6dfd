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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var card = api.GetModelAsync(ct);
        var versions = api.GetModelsAsync(ct);
        (Card, Versions) = (await card, await versions);
    }

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
