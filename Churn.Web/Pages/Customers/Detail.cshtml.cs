using Churn.Domain.Predictions;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages.Customers;

public sealed class DetailModel(ChurnApiClient api) : PageModel
{
    public string CustomerId { get; private set; } = "";
    public IReadOnlyList<Prediction> History { get; private set; } = [];
    public ScoreOutcome? Explanation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string customerId, CancellationToken ct)
    {
        CustomerId = customerId;
        History = await api.GetCustomerHistoryAsync(customerId, ct);
        if (History.Count == 0) return NotFound();
        // Explain the latest record with the serving model (it may be newer than the one that scored it).
        Explanation = await api.ScoreAsync(History[0].Customer with { Churn = null }, ct);
        return Page();
    }
}
