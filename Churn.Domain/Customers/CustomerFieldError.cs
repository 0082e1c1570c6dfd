namespace Churn.Domain.Customers;

/// <summary>
/// Why one value (or a whole row, when <paramref name="Column"/> is null) breaks the customer contract.
/// <paramref name="Column"/> is the BigML column name, e.g. "Total day calls".
/// </summary>
public sealed record CustomerFieldError(string? Column, string Reason)
{
    public override string ToString() => Column is null ? Reason : $"{Column}: {Reason}";

    /// <summary>All errors as one line, e.g. for a dead-letter reason header.</summary>
    public static string Describe(IEnumerable<CustomerFieldError> errors) => string.Join("; ", errors);
}
