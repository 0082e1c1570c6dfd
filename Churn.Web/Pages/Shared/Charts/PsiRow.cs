using Churn.Domain.Monitoring;

namespace Churn.Web.Pages.Shared.Charts;

/// <summary>One bar of the PSI chart: a feature (or a model version's predictions), its PSI and state.</summary>
public sealed record PsiRow(string Key, string Label, double Psi, DriftState State);
