namespace Churn.Domain.Customers;

/// <summary>The 20 BigML columns in file order: the 19 features, then the optional label <see cref="Churn"/>.</summary>
public enum CustomerField
{
    State,
    AccountLength,
    AreaCode,
    InternationalPlan,
    VoiceMailPlan,
    NumberVmailMessages,
    TotalDayMinutes,
    TotalDayCalls,
    TotalDayCharge,
    TotalEveMinutes,
    TotalEveCalls,
    TotalEveCharge,
    TotalNightMinutes,
    TotalNightCalls,
    TotalNightCharge,
    TotalIntlMinutes,
    TotalIntlCalls,
    TotalIntlCharge,
    CustomerServiceCalls,
    Churn,
}

/// <summary>How a column's text is validated (see <see cref="CustomerFieldValidator"/>).</summary>
public enum CustomerColumnKind
{
    /// <summary>Two-letter US state code, 50 states plus DC.</summary>
    State,
    /// <summary>Whole number ≥ 0 (calls, messages, account length, service calls).</summary>
    Count,
    /// <summary>Three-digit integer.</summary>
    AreaCode,
    /// <summary>yes / no, any case.</summary>
    Plan,
    /// <summary>Finite number ≥ 0 (minutes, charges).</summary>
    Amount,
    /// <summary>true / false, any case.</summary>
    Label,
}

/// <summary>One column of the contract: its BigML header <paramref name="Name"/> and camelCase JSON <paramref name="PropertyName"/>.</summary>
public sealed record CustomerColumn(CustomerField Field, string Name, string PropertyName, CustomerColumnKind Kind);
