using Churn.Domain.Predictions;
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
        if (!ModelState.IsValid) return;
        // The Api owns the rules; its reasons appear beside the fields they name.
        (Results, var errors) = await api.GetPredictionsAsync(new PredictionQuery
        {
            State = State, RiskBand = Band, PredictedChurn = Predicted, MinProbability = MinProbability,
            Sort = Sort, Page = Math.Max(1, PageNumber), PageSize = PageSize,
        }, ct);
        foreach (var (field, messages) in errors)
        {
            var key = field switch { "state" => nameof(State), "minProbability" => nameof(MinProbability), _ => "" };
            foreach (var message in messages) ModelState.AddModelError(key, message);
        }
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["state"] = State, ["band"] = Band?.ToString(), ["predicted"] = Predicted?.ToString().ToLowerInvariant(),
        ["minProbability"] = MinProbability?.ToString(), ["sort"] = Sort.ToString(), ["p"] = page.ToString(),
    };
}
