using Churn.Core.Pipeline;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages.Customers;

public sealed class IndexModel(ChurnApiClient api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public RiskBand? Band { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Predicted { get; set; }
    [BindProperty(SupportsGet = true)] public double? MinProbability { get; set; }
    [BindProperty(SupportsGet = true)] public PredictionSort Sort { get; set; } = PredictionSort.ScoredAtDesc;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PredictionPage? Results { get; private set; }
    public int PageCount => Results is null ? 0 : (int)Math.Ceiling(Results.Total / (double)PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        State = string.IsNullOrWhiteSpace(State) ? null : State.Trim().ToUpperInvariant();
        if (State is { Length: not 2 }) ModelState.AddModelError(nameof(State), "Use a two-letter state code, e.g. KS.");
        if (MinProbability is < 0 or > 1) ModelState.AddModelError(nameof(MinProbability), "Use a probability between 0 and 1.");
        if (!ModelState.IsValid) return;
        Results = await api.GetPredictionsAsync(new PredictionQuery
        {
            State = State, RiskBand = Band, PredictedChurn = Predicted, MinProbability = MinProbability,
            Sort = Sort, Page = Math.Max(1, PageNumber), PageSize = PageSize,
        }, ct);
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["state"] = State, ["band"] = Band?.ToString(), ["predicted"] = Predicted?.ToString().ToLowerInvariant(),
        ["minProbability"] = MinProbability?.ToString(), ["sort"] = Sort.ToString(), ["p"] = page.ToString(),
    };
}
