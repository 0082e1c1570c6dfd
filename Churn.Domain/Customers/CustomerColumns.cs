using System.Collections.Frozen;

namespace Churn.Domain.Customers;

/// <summary>
/// The column table of the BigML telecom churn files, and tolerant header matching: case, surrounding whitespace and
/// spaces versus underscores do not matter ("Account length", "account_length" and "AccountLength" are one column).
/// </summary>
public static class CustomerColumns
{
    /// <summary>All 20 columns in BigML file order; index = <c>(int)</c><see cref="CustomerField"/>.</summary>
    public static IReadOnlyList<CustomerColumn> All { get; } =
    [
        new(CustomerField.State, "State", "state", CustomerColumnKind.State),
        new(CustomerField.AccountLength, "Account length", "accountLength", CustomerColumnKind.Count),
        new(CustomerField.AreaCode, "Area code", "areaCode", CustomerColumnKind.AreaCode),
        new(CustomerField.InternationalPlan, "International plan", "internationalPlan", CustomerColumnKind.Plan),
        new(CustomerField.VoiceMailPlan, "Voice mail plan", "voiceMailPlan", CustomerColumnKind.Plan),
        new(CustomerField.NumberVmailMessages, "Number vmail messages", "numberVmailMessages", CustomerColumnKind.Count),
        new(CustomerField.TotalDayMinutes, "Total day minutes", "totalDayMinutes", CustomerColumnKind.Amount),
        new(CustomerField.TotalDayCalls, "Total day calls", "totalDayCalls", CustomerColumnKind.Count),
        new(CustomerField.TotalDayCharge, "Total day charge", "totalDayCharge", CustomerColumnKind.Amount),
        new(CustomerField.TotalEveMinutes, "Total eve minutes", "totalEveMinutes", CustomerColumnKind.Amount),
        new(CustomerField.TotalEveCalls, "Total eve calls", "totalEveCalls", CustomerColumnKind.Count),
        new(CustomerField.TotalEveCharge, "Total eve charge", "totalEveCharge", CustomerColumnKind.Amount),
        new(CustomerField.TotalNightMinutes, "Total night minutes", "totalNightMinutes", CustomerColumnKind.Amount),
        new(CustomerField.TotalNightCalls, "Total night calls", "totalNightCalls", CustomerColumnKind.Count),
        new(CustomerField.TotalNightCharge, "Total night charge", "totalNightCharge", CustomerColumnKind.Amount),
        new(CustomerField.TotalIntlMinutes, "Total intl minutes", "totalIntlMinutes", CustomerColumnKind.Amount),
        new(CustomerField.TotalIntlCalls, "Total intl calls", "totalIntlCalls", CustomerColumnKind.Count),
        new(CustomerField.TotalIntlCharge, "Total intl charge", "totalIntlCharge", CustomerColumnKind.Amount),
        new(CustomerField.CustomerServiceCalls, "Customer service calls", "customerServiceCalls", CustomerColumnKind.Count),
        new(CustomerField.Churn, "Churn", "churn", CustomerColumnKind.Label),
    ];

    /// <summary>Number of feature columns (all but the label).</summary>
    public const int FeatureCount = 19;

    /// <summary>The label column, optional in files (live data has no label).</summary>
    public static CustomerColumn Label => All[(int)CustomerField.Churn];

    /// <summary>The BigML header line, with or without the label column.</summary>
    public static string Header(bool includeLabel) =>
        string.Join(',', All.Take(includeLabel ? All.Count : FeatureCount).Select(c => c.Name));

    public static CustomerColumn Get(CustomerField field) => All[(int)field];

    private static readonly FrozenDictionary<string, CustomerColumn> ByKey =
        All.ToFrozenDictionary(c => Key(c.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the column a header (or JSON property name) means, tolerantly; null when it names none.</summary>
    public static CustomerColumn? Find(string header) =>
        ByKey.TryGetValue(Key(header), out var column) ? column : null;

    // "  Account_length " → "Accountlength"; compared ignoring case.
    private static string Key(string header) =>
        string.Concat(header.Trim().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
