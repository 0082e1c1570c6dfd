using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>One point of a profit curve: contacting every labelled customer whose probability is at least <see cref="Threshold"/>.</summary>
public sealed record ProfitPoint(
    [property: Description("Contact every customer whose churn probability is at least this.")] double Threshold,
    [property: Description("Customers contacted (the top-k for k = this).")] int Contacted,
    [property: Description("Of them, customers who actually churned.")] int Churners,
    [property: Description("churners × acceptance × value − contacted × cost: what the campaign earns on these labelled customers.")] double RealisedProfit,
    [property: Description("Σ probability × acceptance × value − contacted × cost: what the model expects it to earn.")] double ExpectedProfit);
