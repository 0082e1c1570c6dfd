using System.Globalization;
using Churn.Domain.Challenger;
using Churn.Domain.Models;

namespace Churn.Web.Pages;

/// <summary>
/// The model page's challenger section: the serving card, the challenger's report from the Api (null when there is
/// none, with the Api's reason in <see cref="Absent"/>), and how each number is shown (the browser test reads them back
/// with the same formats).
/// </summary>
public sealed record ChallengerSection(ModelCard? Champion, ChallengerReport? Report, string? Absent)
{
    /// <summary>How the page writes a probability-like measure (AUC, Brier, mean |Δp|, precision, recall).</summary>
    public static string Measure(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    /// <summary>How the page writes a share (agreement, churn rate).</summary>
    public static string Share(double? value) => value is { } v ? v.ToString("0.00%", CultureInfo.InvariantCulture) : "—";

    /// <summary>One held-out metric of both cards: name, champion, challenger, and whether higher is better.</summary>
    public IReadOnlyList<(string Name, double? Champion, double? Challenger, bool HigherIsBetter)> HeldOut(ModelCard challenger) =>
    [
        ("AUC", Champion?.HoldoutMetrics.Auc, challenger.HoldoutMetrics.Auc, true),
        ("AUC-PR", Champion?.HoldoutMetrics.AucPr, challenger.HoldoutMetrics.AucPr, true),
        ("Accuracy", Champion?.HoldoutMetrics.Accuracy, challenger.HoldoutMetrics.Accuracy, true),
        ("Precision", Champion?.HoldoutMetrics.Precision, challenger.HoldoutMetrics.Precision, true),
        ("Recall", Champion?.HoldoutMetrics.Recall, challenger.HoldoutMetrics.Recall, true),
        ("F1", Champion?.HoldoutMetrics.F1, challenger.HoldoutMetrics.F1, true),
        ("Log-loss", Champion?.HoldoutMetrics.LogLoss, challenger.HoldoutMetrics.LogLoss, false),
        ("Brier", Champion?.HoldoutMetrics.Brier, challenger.HoldoutMetrics.Brier, false),
        ("ECE", Champion?.HoldoutMetrics.Ece, challenger.HoldoutMetrics.Ece, false),
    ];

    /// <summary>Which side a difference favours, as a CSS class: <c>better</c> for the challenger, <c>worse</c>, or none.</summary>
    public static string? Favours(double? champion, double? challenger, bool higherIsBetter) =>
        champion is not { } a || challenger is not { } b || Math.Abs(a - b) < 5e-5 ? null
            : (b > a) == higherIsBetter ? "better" : "worse";

    /// <summary>The challenger minus the champion, signed, or "—".</summary>
    public static string Delta(double? champion, double? challenger) =>
        champion is { } a && challenger is { } b ? (b - a).ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture) : "—";
}
