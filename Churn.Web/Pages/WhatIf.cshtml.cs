using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

public sealed class WhatIfModel(ChurnApiClient api) : PageModel
{
    [BindProperty] public WhatIfInput Input { get; set; } = new();
    public ScoreOutcome? Outcome { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await api.GetModelAsync(ct) is { } card) Input = WhatIfInput.Typical(card);
        else Problem = "No model is serving yet, so there are no training statistics to start from.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await api.ScoreAsync(Input.ToApiCustomer(), ct);
        foreach (var (field, reasons) in outcome.Errors)
        {
            var key = $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var reason in reasons) ModelState.AddModelError(key, reason);
        }
        if (outcome.Score is null && outcome.Errors.Count == 0) Problem = outcome.Problem;
        Outcome = outcome.Score is null ? null : outcome;
        return Page();
    }
}
