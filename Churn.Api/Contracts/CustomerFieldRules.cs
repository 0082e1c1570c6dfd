namespace Churn.Api.Contracts;

/// <summary>
/// Per-field domain rules of a customer record, as (C# property name, reason) pairs.
/// TEMPORARY: to be replaced by a call to the record contract's validator (branch <c>contract</c>) when it lands.
/// </summary>
internal static class CustomerFieldRules
{
    private static readonly HashSet<string> States =
    [
        "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA",
        "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
    ];

    public static IEnumerable<(string Field, string Reason)> Check(CustomerRecord c)
    {
        if (!States.Contains(c.State)) yield return (nameof(c.State), $"'{c.State}' is not a two-letter US state code.");
        if (c.AreaCode is < 100 or > 999) yield return (nameof(c.AreaCode), "Must be a three-digit area code.");
        foreach (var (name, value) in Counts(c))
        {
            if (value < 0) yield return (name, "Must be zero or more.");
        }
        foreach (var (name, value) in Amounts(c))
        {
            if (!double.IsFinite(value) || value < 0) yield return (name, "Must be a finite number, zero or more.");
        }
    }

    private static IEnumerable<(string, int)> Counts(CustomerRecord c) =>
    [
        (nameof(c.AccountLength), c.AccountLength), (nameof(c.NumberVmailMessages), c.NumberVmailMessages),
        (nameof(c.TotalDayCalls), c.TotalDayCalls), (nameof(c.TotalEveCalls), c.TotalEveCalls),
        (nameof(c.TotalNightCalls), c.TotalNightCalls), (nameof(c.TotalIntlCalls), c.TotalIntlCalls),
        (nameof(c.CustomerServiceCalls), c.CustomerServiceCalls),
    ];

    private static IEnumerable<(string, double)> Amounts(CustomerRecord c) =>
    [
        (nameof(c.TotalDayMinutes), c.TotalDayMinutes), (nameof(c.TotalDayCharge), c.TotalDayCharge),
        (nameof(c.TotalEveMinutes), c.TotalEveMinutes), (nameof(c.TotalEveCharge), c.TotalEveCharge),
        (nameof(c.TotalNightMinutes), c.TotalNightMinutes), (nameof(c.TotalNightCharge), c.TotalNightCharge),
        (nameof(c.TotalIntlMinutes), c.TotalIntlMinutes), (nameof(c.TotalIntlCharge), c.TotalIntlCharge),
    ];
}
