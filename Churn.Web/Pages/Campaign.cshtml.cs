using Churn.Domain.Api;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

/// <summary>Whom to call: the Api's campaign for a budget or a number of customers (GET /api/campaign).</summary>
public sealed class CampaignModel(ChurnApiClient api) : PageModel
{
    /// <summary>What the page shows when neither field is given.</summary>
    public const int DefaultTop = 25;

    [BindProperty(SupportsGet = true)] public double? Budget { get; set; }
    [BindProperty(SupportsGet = true)] public int? Top { get; set; }

    public CampaignResponse? Campaign { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return;
        if (Budget is null && Top is null) Top = DefaultTop;
        // The Api owns the rules (exactly one of the two, the campaign cap); its reasons appear beside the fields.
        (Campaign, var errors) = await api.GetCampaignAsync(Budget, Top, ct);
        foreach (var (field, messages) in errors)
        {
            var key = field switch { "budget" => nameof(Budget), "top" => nameof(Top), _ => "" };
            foreach (var message in messages) ModelState.AddModelError(key, message);
        }
    }

    /// <summary>Why the list ends where it does, in words.</summary>
    public static string Describe(CampaignResponse campaign) => campaign.LimitedBy switch
    {
        CampaignLimit.Budget => "the budget pays for no more offers",
        CampaignLimit.Top => "the number of customers asked for is reached",
        CampaignLimit.MaxCampaignSize => "the Api's largest campaign (Churn:Retention:MaxCampaignSize) is reached",
        _ => "no other customer is expected to gain from an offer",
    };
}
