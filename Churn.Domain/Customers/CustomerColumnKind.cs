namespace Churn.Domain.Customers;

/// <summary>How a column's text is validated (see <see cref="CustomerFieldValidator"/>).</summary>
public enum CustomerColumnKind
{
    /// <summary>Two-letter US state code, 50 states plus DC.</summary>
    State,
    /// <summary>Whole number ≥ 0 (calls, messages, account length, service calls).</summary>
    Count,
    /// <summary>Three-digit integer.</summary>
    AreaCode,
    /// <summary>A yes/no value: yes/no, true/false or 1/0, any case.</summary>
    Plan,
    /// <summary>Finite number ≥ 0 (minutes, charges).</summary>
    Amount,
    /// <summary>A yes/no value like <see cref="Plan"/> (the BigML files say True/False).</summary>
    Label,
}
