using System.Globalization;

namespace Churn.Web.Pages.Shared;

/// <summary>
/// How stored reason codes read on the pages: a contribution is a signed share of the tree ensemble's margin (its raw
/// score, a log-odds scale: the probability is a sigmoid of it; + raises the churn risk), a value is the feature as the
/// model saw it (0/1 for the flags).
/// </summary>
public static class ReasonText
{
    /// <summary>Two decimals, always signed, a true minus sign (the compact cell of the tables).</summary>
    public static string Short(double contribution) =>
        contribution.ToString("+0.00;\u22120.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>Three decimals, always signed, a true minus sign (the detail page).</summary>
    public static string Precise(double contribution) =>
        contribution.ToString("+0.000;\u22120.000;0.000", CultureInfo.InvariantCulture);

    public static string Value(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The page's colour class for a contribution: <c>up</c> raises the risk, <c>down</c> lowers it.</summary>
    public static string Direction(double contribution) => contribution > 0 ? "up" : contribution < 0 ? "down" : "";
}
