using System.Diagnostics.CodeAnalysis;

namespace Churn.Domain.Customers;

/// <summary>
/// One data line of a customer CSV file: the parsed <see cref="Record"/> when every field is valid, otherwise every
/// <see cref="Errors">error</see> of the row. <see cref="RawLine"/> is the line as read (for a dead-letter queue).
/// </summary>
public sealed record CustomerCsvRow(int LineNumber, string RawLine, CustomerRecord? Record, IReadOnlyList<CustomerFieldError> Errors)
{
    [MemberNotNullWhen(true, nameof(Record))]
    public bool IsValid => Record is not null;

    /// <summary>"line 7: Total day calls: 'x' is not a whole number; State: …" — empty for a valid row.</summary>
    public string Describe() => IsValid ? "" : $"line {LineNumber}: {CustomerFieldError.Describe(Errors)}";
}
