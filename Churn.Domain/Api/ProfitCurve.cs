using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>Profit over every threshold (and so every top-k) on one set of labelled customers, highest threshold first.</summary>
public sealed record ProfitCurve(
    [property: Description("Which customers and probabilities these are.")] string Source,
    int Customers,
    int Churners,
    [property: Description("One point per distinct probability (or bin), highest threshold first; contacted grows by one level each.")] IReadOnlyList<ProfitPoint> Points);
