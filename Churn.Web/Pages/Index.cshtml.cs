using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

public sealed class IndexModel(ChurnApiClient api) : PageModel
{
    public DashboardSummary? Summary { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Summary = await LoadAsync(ct);

    /// <summary>The tiles and charts alone, fetched by the page's script to refresh itself.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken ct) =>
        Partial("_DashboardSummary", await LoadAsync(ct));

    private async Task<DashboardSummary> LoadAsync(CancellationToken ct)
    {
        var stats = api.GetStatsAsync(ct);
        var model = api.GetModelAsync(ct);
        var deadLetters = api.GetDeadLettersAsync(page: 1, pageSize: 1, ct);
        return new DashboardSummary((await stats)!, (await model)?.Version, (await deadLetters).Total);
    }
}
